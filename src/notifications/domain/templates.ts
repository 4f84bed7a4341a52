import { vietnamDateTime } from '../../common/vietnam-time';
import { NotificationKind } from './kinds';

/** What a template needs; every field but the title is optional. */
export interface TemplateContext {
  regulationTitle: string;
  roundKind?: 'expert' | 'association';
  /** ISO instants. */
  closesAt?: string;
  deadline?: string;
  reasons?: string[];
  outcome?: string;
  decisionNumber?: string;
  disposition?: string;
  note?: string;
}

export interface Rendered {
  /** The in-app title and the e-mail subject. */
  title: string;
  /** The in-app body; the e-mail text adds the greeting and the link. */
  body: string;
}

const ROUND: Record<string, string> = {
  expert: 'chuyên gia',
  association: 'hiệp hội, doanh nghiệp',
};
const DISPOSITION: Record<string, string> = {
  accepted: 'tiếp thu',
  partially_accepted: 'tiếp thu một phần',
  rejected: 'không tiếp thu (có giải trình)',
};

/** The Vietnamese title and body of each kind. */
export function render(kind: NotificationKind, c: TemplateContext): Rendered {
  const q = `“${c.regulationTitle}”`;
  const until = c.closesAt ? ` Hạn góp ý: ${vietnamDateTime(c.closesAt)}.` : '';
  switch (kind) {
    case 'expert_invited':
      return {
        title: `Thư mời góp ý: ${c.regulationTitle}`,
        body: `Ông/Bà được mời tham gia đợt lấy ý kiến chuyên gia về phương án cắt giảm, đơn giản hóa quy định ${q}.${until}`,
      };
    case 'round_opened':
      return {
        title: `Mở lấy ý kiến hiệp hội, doanh nghiệp: ${c.regulationTitle}`,
        body: `Đợt lấy ý kiến hiệp hội, doanh nghiệp về phương án đối với quy định ${q} đã mở trong lĩnh vực Quý hiệp hội theo dõi.${until}`,
      };
    case 'round_closing_soon':
      return {
        title: `Sắp hết hạn góp ý: ${c.regulationTitle}`,
        body: `Đợt lấy ý kiến ${ROUND[c.roundKind ?? 'expert']} về quy định ${q} sẽ đóng trong vòng 3 ngày.${until}`,
      };
    case 'round_closed':
      return {
        title: `Đã đóng đợt lấy ý kiến: ${c.regulationTitle}`,
        body: `Đợt lấy ý kiến ${ROUND[c.roundKind ?? 'expert']} về quy định ${q} đã đóng. Đề nghị tiếp thu, giải trình các ý kiến đã nhận.`,
      };
    case 'feedback_received':
      return {
        title: `Ý kiến góp ý mới: ${c.regulationTitle}`,
        body: `Có ý kiến góp ý mới trong đợt lấy ý kiến ${ROUND[c.roundKind ?? 'expert']} về quy định ${q}; cần tiếp thu, giải trình trước khi trình Văn phòng Chính phủ.`,
      };
    case 'feedback_answered':
      return {
        title: `Cơ quan chủ trì đã trả lời góp ý: ${c.regulationTitle}`,
        body: `Ý kiến của Ông/Bà về quy định ${q} đã được ${DISPOSITION[c.disposition ?? ''] ?? 'trả lời'}.`,
      };
    case 'plan_returned':
      return {
        title: `Văn phòng Chính phủ trả lại phương án: ${c.regulationTitle}`,
        body: `Phương án đối với quy định ${q} được trả lại để hoàn thiện.${c.reasons?.length ? ` Lý do: ${c.reasons.join('; ')}.` : ''}`,
      };
    case 'decision_recorded':
      return {
        title: `Đã có quyết định ${c.outcome === 'rejected' ? 'không phê duyệt' : 'phê duyệt'} phương án: ${c.regulationTitle}`,
        body: `Thủ tướng Chính phủ đã ${c.outcome === 'rejected' ? 'không phê duyệt' : 'phê duyệt'} phương án đối với quy định ${q}${c.decisionNumber ? ` (Quyết định số ${c.decisionNumber})` : ''}.${c.deadline ? ` Hạn thực thi: ${vietnamDateTime(c.deadline)}.` : ''}`,
      };
    case 'implementation_due_soon':
      return {
        title: `Sắp đến hạn thực thi: ${c.regulationTitle}`,
        body: `Phương án đối với quy định ${q} phải được thực thi trong vòng 7 ngày${c.deadline ? `, trước ${vietnamDateTime(c.deadline)}` : ''}; đề nghị ghi nhận văn bản sửa đổi khi ban hành.`,
      };
    case 'implementation_overdue':
      return {
        title: `Quá hạn thực thi: ${c.regulationTitle}`,
        body: `Đã quá hạn thực thi phương án đối với quy định ${q}${c.deadline ? ` (hạn ${vietnamDateTime(c.deadline)})` : ''}.`,
      };
    case 'implementation_reminder':
      return {
        title: `Văn phòng Chính phủ đôn đốc: ${c.regulationTitle}`,
        body: `Văn phòng Chính phủ đôn đốc việc thực thi phương án đối với quy định ${q}.${c.note ? ` Nội dung: ${c.note}` : ''}`,
      };
  }
}

/** The e-mail text: greeting, the body, the link, and how to stop these mails. */
export function mailText(fullName: string, rendered: Rendered, url: string, prefsUrl: string) {
  return [
    `Kính gửi ${fullName},`,
    '',
    rendered.body,
    '',
    `Xem chi tiết: ${url}`,
    '',
    '—',
    `Thư được gửi tự động từ hệ thống regcut. Tắt thư loại này tại: ${prefsUrl}`,
  ].join('\n');
}
