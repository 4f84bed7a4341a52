/** The public portal (no sign-in): search, a regulation's public page, consultations, progress. */
export const portal = {
  nav: {
    home: 'Trang chủ',
    search: 'Tra cứu quy định',
    consultations: 'Lấy ý kiến',
    progress: 'Tiến độ',
  },
  home: {
    title: 'Cơ sở dữ liệu quy định kinh doanh',
    lead: 'Tra cứu các quy định đã công bố, phương án cắt giảm, chi phí tuân thủ và các đợt lấy ý kiến đang mở.',
  },
};
