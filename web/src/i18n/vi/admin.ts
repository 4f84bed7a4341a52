/** Admin area (part B fills this in). */
export const admin = {
  nav: { home: 'Quản trị' },
  placeholder: 'Khu vực quản trị đang được xây dựng.',
};
