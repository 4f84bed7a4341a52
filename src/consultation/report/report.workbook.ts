/**
 * The consultation report as an XLSX workbook with Vietnamese headers: a summary sheet and one row
 * per item (who, when, what, evidence, the answer and its cost effect). Pure apart from exceljs.
 */
import { Workbook, type Worksheet } from 'exceljs';
import type { FeedbackView, TargetView } from '../persistence/feedback.repository';
import { costFieldLabel, stateLabel } from '../../common/i18n/labels';
import { vietnamDateTime } from '../../common/vietnam-time';
import type { ConsultationReport } from './report.service';

export const REPORT_SUMMARY_SHEET = 'Tổng hợp';
export const REPORT_ITEMS_SHEET = 'Ý kiến';

const ROUND_VI: Record<string, string> = { expert: 'Chuyên gia', association: 'Hiệp hội' };
const DISPOSITION_VI: Record<string, string> = {
  accepted: 'Tiếp thu',
  partially_accepted: 'Tiếp thu một phần',
  rejected: 'Không tiếp thu (giải trình)',
};
const ROLE_VI: Record<string, string> = {
  expert: 'Chuyên gia',
  association: 'Hiệp hội doanh nghiệp',
  public: 'Doanh nghiệp, người dân',
};
const ORIGIN_VI: Record<string, string> = {
  expert: 'Chuyên gia được mời',
  association: 'Hiệp hội',
  public: 'Góp ý công khai',
};
const STATUS_VI: Record<string, string> = { open: 'Đang mở', closed: 'Đã đóng' };
const ESTIMATE_VI: Record<string, string> = { baseline: 'hiện hành', proposed: 'đề xuất' };

export const ITEM_COLUMNS: ReadonlyArray<{ header: string; width: number; money?: boolean }> = [
  { header: 'STT', width: 6 },
  { header: 'Mã ý kiến', width: 38 },
  { header: 'Vòng tham vấn', width: 14 },
  { header: 'Người góp ý', width: 24 },
  { header: 'Vai trò', width: 20 },
  { header: 'Cơ quan, tổ chức', width: 30 },
  { header: 'Nguồn góp ý', width: 18 },
  { header: 'Mã số thuế (chưa xác minh)', width: 16 },
  { header: 'Ẩn bởi kiểm duyệt (lý do)', width: 30 },
  { header: 'Thời điểm góp ý', width: 18 },
  { header: 'Nội dung góp ý', width: 60 },
  { header: 'Đối tượng góp ý', width: 34 },
  { header: 'Giá trị tại thời điểm góp ý', width: 16 },
  { header: 'Số đối tượng', width: 14 },
  { header: 'Tần suất/năm', width: 12 },
  { header: 'Số giờ/lần', width: 12 },
  { header: 'Số tiền/lần (VND)', width: 18, money: true },
  { header: 'Ghi chú bằng chứng', width: 40 },
  { header: 'Tệp đính kèm', width: 30 },
  { header: 'Kết quả tiếp thu', width: 24 },
  { header: 'Giải trình', width: 60 },
  { header: 'Người trả lời', width: 24 },
  { header: 'Thời điểm trả lời', width: 18 },
  { header: 'Số lần sửa câu trả lời', width: 10 },
  { header: 'Giá trị trước ước tính lại', width: 16 },
  { header: 'Giá trị ước tính lại', width: 16 },
  { header: 'Chi phí hằng năm trước (VND)', width: 20, money: true },
  { header: 'Chi phí hằng năm sau (VND)', width: 20, money: true },
  { header: 'Tiết kiệm trước (VND)', width: 20, money: true },
  { header: 'Tiết kiệm sau (VND)', width: 20, money: true },
  { header: 'Thay đổi tiết kiệm (VND)', width: 20, money: true },
];

/**
 * Whole VND as a number cell when a double holds it exactly (sums work in Excel), else as text:
 * money is never rounded by the workbook.
 */
function money(v: string | null | undefined): number | string {
  if (v === null || v === undefined || v === '') return '';
  const n = Number(v);
  return /^-?\d+$/.test(v) && Number.isSafeInteger(n) ? n : v;
}

/** What an item disputes; a cost field by its name ("Hoạt động 'Nộp hồ sơ' — số giờ"), not its path. */
export function targetLabel(
  t: TargetView | null,
  activityNames: ConsultationReport['activityNames'] = { baseline: [], proposed: [] },
): string {
  if (!t) return '';
  if (t.kind === 'regulation') return 'Quy định';
  if (t.kind === 'plan') return 'Phương án cắt giảm, đơn giản hóa';
  return `Ước tính chi phí ${ESTIMATE_VI[t.estimate]}: ${costFieldLabel(t.field, activityNames[t.estimate] ?? [])}`;
}

function itemRow(
  i: FeedbackView,
  n: number,
  activityNames: ConsultationReport['activityNames'],
): Array<string | number> {
  const a = i.answer;
  const e = a?.costEffect ?? null;
  return [
    n,
    i.id,
    ROUND_VI[i.round] ?? i.round,
    i.author.name,
    ROLE_VI[i.author.role] ?? i.author.role,
    i.author.public?.organisation ?? i.author.agencyName,
    ORIGIN_VI[i.origin] ?? i.origin,
    i.author.public?.taxCode ?? '',
    i.hidden ? `${vietnamDateTime(i.hidden.hiddenAt)}: ${i.hidden.reason}` : '',
    vietnamDateTime(i.createdAt),
    i.content,
    targetLabel(i.target, activityNames),
    i.target?.kind === 'cost_field' ? (i.target.valueAtFeedback ?? '') : '',
    i.evidence?.subjects ?? '',
    i.evidence?.frequencyPerYear ?? '',
    i.evidence?.hours ?? '',
    money(i.evidence?.amount),
    i.evidence?.note ?? '',
    i.attachments.map((f) => f.filename).join('; '),
    a ? DISPOSITION_VI[a.disposition] : 'Chưa trả lời',
    a?.explanation ?? '',
    a?.answeredBy.name ?? '',
    vietnamDateTime(a?.answeredAt ?? null),
    a ? a.version - 1 : '',
    e?.valueBefore ?? '',
    e?.valueAfter ?? '',
    money(e?.annualCostBefore),
    money(e?.annualCostAfter),
    money(e?.savingsBefore),
    money(e?.savingsAfter),
    money(e?.savingsChange),
  ];
}

function header(sheet: Worksheet, rowNumber: number): void {
  const row = sheet.getRow(rowNumber);
  row.font = { bold: true };
  row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
}

export async function buildReportWorkbook(r: ConsultationReport): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'regcut';
  workbook.created = new Date(r.generatedAt);
  workbook.modified = workbook.created;

  const summary = workbook.addWorksheet(REPORT_SUMMARY_SHEET);
  summary.columns = [
    { header: 'Nội dung', key: 'label', width: 44 },
    { header: 'Giá trị', key: 'value', width: 70 },
  ];
  header(summary, 1);
  const line = (label: string, value: string | number | null) =>
    summary.addRow({ label, value: value ?? '' });
  line('Quy định', r.regulation.title);
  line('Điều khoản', r.regulation.provision);
  line('Cơ quan chủ trì', r.regulation.agencyName);
  line('Trạng thái', stateLabel(r.regulation.stateName));
  line('Lần tham vấn (chu kỳ)', r.cycle);
  for (const round of r.rounds) {
    line(
      `Vòng ${ROUND_VI[round.round]?.toLowerCase() ?? round.round}`,
      `${vietnamDateTime(round.opensAt)} – ${vietnamDateTime(round.closesAt)}; ${STATUS_VI[round.status] ?? round.status}; ${round.items} ý kiến`,
    );
  }
  line('Tổng số ý kiến', r.summary.items);
  line('Trong đó góp ý công khai', r.summary.publicComments);
  line('Góp ý bị ẩn (kiểm duyệt)', r.summary.hidden);
  line('Đã trả lời', r.summary.answered);
  line('Chưa trả lời', r.summary.unanswered);
  line('Tiếp thu', r.summary.accepted);
  line('Tiếp thu một phần', r.summary.partiallyAccepted);
  line('Không tiếp thu (giải trình)', r.summary.rejected);
  line('Ý kiến có bằng chứng', r.summary.withEvidence);
  line('Ý kiến dẫn đến ước tính lại chi phí', r.summary.reEstimates);
  line('Tiết kiệm trước khi ước tính lại (VND)', money(r.costEffect.savingsBefore));
  line('Tiết kiệm sau khi ước tính lại (VND)', money(r.costEffect.savingsAfter));
  line('Thay đổi tiết kiệm (VND)', money(r.costEffect.savingsChange));
  line('Chi phí hằng năm hiện hành (VND)', money(r.currentCosts.baselineCost));
  line('Chi phí hằng năm đề xuất (VND)', money(r.currentCosts.proposedCost));
  line('Tiết kiệm hiện tại (VND)', money(r.currentCosts.savings));
  line('Tỷ lệ cắt giảm (%)', r.currentCosts.reductionPct);
  line('Công bố (gửi Văn phòng Chính phủ)', vietnamDateTime(r.publishedAt));
  line('Thời điểm lập báo cáo', vietnamDateTime(r.generatedAt));
  summary.getColumn('value').numFmt = '#,##0';

  const items = workbook.addWorksheet(REPORT_ITEMS_SHEET, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  items.columns = ITEM_COLUMNS.map((c) => ({
    header: c.header,
    width: c.width,
    style: c.money ? { numFmt: '#,##0' } : { alignment: { wrapText: true, vertical: 'top' } },
  }));
  header(items, 1);
  r.items.forEach((i, k) => items.addRow(itemRow(i, k + 1, r.activityNames)));

  const data = await workbook.xlsx.writeBuffer();
  return Buffer.isBuffer(data) ? data : Buffer.from(data as ArrayBuffer);
}
