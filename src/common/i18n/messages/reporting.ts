/** Reporting (báo cáo): progress, overdue lists and the national figures. */
export const REPORTING_MESSAGES = {
  'report.nationalOnly': {
    en: 'national figures only: this report is of one agency',
    vi: 'chỉ có số liệu toàn quốc: báo cáo này là của một cơ quan',
  },
  'report.month': { en: 'month must be YYYY-MM', vi: 'month phải có dạng YYYY-MM' },
  'report.bucketOnly': {
    en: 'applies only to the approved and implemented buckets',
    vi: 'chỉ áp dụng cho nhóm đã phê duyệt và đã thực thi',
  },
  'report.noProgramme': {
    en: 'no programme has the code or id "{key}"',
    vi: 'không có chương trình nào có mã hoặc id "{key}"',
  },
} as const;
