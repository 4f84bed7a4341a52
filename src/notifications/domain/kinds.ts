/** What a notification is about; a user can turn e-mail (or the in-app item) off per kind. */
export const NOTIFICATION_KINDS = [
  'expert_invited', // mời chuyên gia góp ý
  'round_opened', // mở đợt lấy ý kiến hiệp hội
  'round_closing_soon', // còn 3 ngày
  'round_closed', // đợt lấy ý kiến đã đóng
  'feedback_received', // ý kiến góp ý mới
  'feedback_answered', // đã tiếp thu, giải trình
  'plan_returned', // VPCP trả lại phương án
  'decision_recorded', // quyết định phê duyệt
  'implementation_due_soon', // còn 7 ngày đến hạn thực thi
  'implementation_overdue', // quá hạn thực thi
  'implementation_reminder', // VPCP đôn đốc
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const isNotificationKind = (s: string): s is NotificationKind =>
  (NOTIFICATION_KINDS as readonly string[]).includes(s);

/** Days before a round closes when its silent participants are reminded. */
export const CLOSING_SOON_DAYS = 3;
/** Days before an implementation deadline when the ministry is reminded. */
export const DUE_SOON_DAYS = 7;

/** Dedupe key: one notification per (kind, subject, user). */
export const dedupeKey = (kind: NotificationKind, subject: string, userId: string) =>
  `${kind}:${subject}:${userId}`;
