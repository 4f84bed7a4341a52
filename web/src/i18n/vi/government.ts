/** Government Office area (part B fills this in). */
export const government = {
  nav: { dashboard: 'Bảng điều hành' },
  placeholder: 'Bảng điều hành của Văn phòng Chính phủ đang được xây dựng.',
};
