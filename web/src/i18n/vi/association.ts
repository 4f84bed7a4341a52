/** Association / expert area (part B fills this in). */
export const association = {
  nav: { rounds: 'Đợt lấy ý kiến' },
  placeholder: 'Khu vực hiệp hội và chuyên gia đang được xây dựng.',
};
