import { ROLE_LABELS, STATE_LABELS } from '../../../../src/common/i18n/labels';

/** Strings shared by every area: header, navigation, forms, errors, states and roles. */
export const common = {
  appName: 'Cắt giảm quy định kinh doanh',
  appTagline: 'Chương trình cắt giảm, đơn giản hóa quy định liên quan đến hoạt động kinh doanh',
  skipToContent: 'Chuyển đến nội dung chính',
  signIn: 'Đăng nhập',
  signOut: 'Đăng xuất',
  menu: 'Trình đơn',
  loading: 'Đang tải…',
  save: 'Lưu',
  saving: 'Đang lưu…',
  cancel: 'Hủy',
  close: 'Đóng',
  reload: 'Tải lại',
  search: 'Tìm kiếm',
  filter: 'Lọc',
  clearFilters: 'Xóa bộ lọc',
  next: 'Trang sau',
  first: 'Về trang đầu',
  none: '—',
  all: 'Tất cả',
  yes: 'Có',
  no: 'Không',
  notFound: 'Không tìm thấy trang này.',
  backHome: 'Về trang chủ',
  required: 'bắt buộc',
  optional: 'không bắt buộc',
  results: (n: number) => `${n} kết quả`,
  warnings: {
    title: 'Đã thực hiện, xin lưu ý:',
    codes: {
      implementation_deadline_past:
        'Hạn thực thi đã qua: hạn được giữ như đã nhập và việc thực thi bị tính là chậm ngay.',
      consultation_ends_after_programme:
        'Đã mở lấy ý kiến, nhưng thời gian lấy ý kiến kết thúc sau ngày kết thúc chương trình: phương án không thể được quyết định trong chương trình.',
    } as Record<string, string>,
  },
  errors: {
    title: 'Không thực hiện được',
    network: 'Không kết nối được với máy chủ. Kiểm tra mạng rồi thử lại.',
    fieldsBelow: 'Vui lòng sửa các trường được đánh dấu bên dưới.',
    stale:
      'Hồ sơ này vừa được người khác thay đổi. Bấm “Tải lại” để xem bản mới nhất; nội dung bạn vừa nhập vẫn được giữ trong biểu mẫu.',
    forbidden: 'Bạn không có quyền thực hiện thao tác này.',
    notFound: 'Không tìm thấy dữ liệu (có thể đã bị xóa hoặc bạn không có quyền xem).',
    tooMany: 'Bạn thao tác quá nhanh. Vui lòng thử lại sau ít phút.',
    unavailable: 'Dịch vụ tạm thời gián đoạn. Vui lòng thử lại sau.',
    sessionExpired: 'Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.',
    unknown: 'Đã xảy ra lỗi không mong muốn.',
    field: (field: string) => `Trường “${field}”`,
  },
  // Shared with the API's messages and the report workbooks (src/common/i18n/labels.ts).
  roles: ROLE_LABELS,
  states: STATE_LABELS,
  categories: {
    administrative_procedure: 'Thủ tục hành chính',
    business_condition: 'Điều kiện kinh doanh',
    reporting_regime: 'Chế độ báo cáo',
    technical_standard: 'Tiêu chuẩn, quy chuẩn kỹ thuật',
    specialized_inspection: 'Kiểm tra chuyên ngành',
    other: 'Khác',
  } as Record<string, string>,
  subjectTypes: {
    business: 'Doanh nghiệp',
    citizen: 'Người dân',
    administration: 'Cơ quan hành chính',
  } as Record<string, string>,
  costKinds: { recurring: 'Định kỳ', one_off: 'Một lần' } as Record<string, string>,
  planActions: { abolish: 'Bãi bỏ', simplify: 'Đơn giản hóa', amend: 'Sửa đổi' } as Record<
    string,
    string
  >,
};
