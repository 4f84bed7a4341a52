/**
 * Vietnamese labels of code tables shared by the web app (web/src/i18n/vi/common.ts imports
 * them), the report workbooks and the API's messages, so a state reads the same everywhere.
 * Pure data: no imports, so the web bundle can include it.
 */

/** Workflow states (trạng thái) of a regulation. */
export const STATE_LABELS: Record<string, string> = {
  draft: 'Dự thảo',
  review: 'Rà soát',
  costing: 'Tính chi phí tuân thủ',
  drafting_plan: 'Xây dựng phương án',
  consultation: 'Lấy ý kiến',
  responding: 'Tiếp thu, giải trình',
  government_office_review: 'VPCP kiểm soát',
  awaiting_decision: 'Chờ quyết định',
  implementing: 'Đang thực thi',
  implemented: 'Đã thực thi',
  retained: 'Giữ nguyên',
  rejected: 'Không phê duyệt',
  withdrawn: 'Đã rút',
};

/** User roles (vai trò). */
export const ROLE_LABELS: Record<string, string> = {
  ministry_officer: 'Chuyên viên pháp chế',
  ministry_lead: 'Lãnh đạo vụ pháp chế',
  expert: 'Chuyên gia',
  association: 'Hiệp hội doanh nghiệp',
  gov_office: 'Văn phòng Chính phủ',
  admin: 'Quản trị hệ thống',
  public: 'Doanh nghiệp, người dân (góp ý công khai)',
};

/** Fields of a cost estimate (ước tính chi phí) as a person reads them. */
export const COST_FIELD_LABELS: Record<string, string> = {
  hours: 'số giờ',
  name: 'tên',
  hiredServices: 'chi phí thuê dịch vụ',
  feesAndCharges: 'phí, lệ phí',
  otherCosts: 'chi phí khác',
  frequencyPerYear: 'tần suất/năm',
  frequencyLow: 'tần suất/năm (thấp)',
  frequencyHigh: 'tần suất/năm (cao)',
  subjectsPerYear: 'số đối tượng/năm',
  subjectsLow: 'số đối tượng/năm (thấp)',
  subjectsHigh: 'số đối tượng/năm (cao)',
};

/** The state's label, or the code itself for one the table does not know. */
export function stateLabel(code: string): string {
  return STATE_LABELS[code] ?? code;
}

/**
 * A cost-field path as a person reads it: `activities[0].hours` with the activity's name
 * → "Hoạt động 'Nộp hồ sơ' — số giờ"; other paths by their label, unknown ones as given.
 */
export function costFieldLabel(
  path: string,
  activityNames: readonly (string | null)[] = [],
): string {
  const m = /^activities\[(\d+)\](?:\.(\w+))?$/.exec(path);
  if (m) {
    const i = Number(m[1]);
    const name = activityNames[i];
    const activity = name ? `Hoạt động '${name}'` : `Hoạt động thứ ${i + 1}`;
    return m[2] ? `${activity} — ${COST_FIELD_LABELS[m[2]] ?? m[2]}` : activity;
  }
  return COST_FIELD_LABELS[path] ?? path;
}
