/** The ministry officer / lead area. */
export const officer = {
  nav: {
    todo: 'Việc cần làm',
    register: 'Quy định của đơn vị',
    create: 'Thêm quy định',
    import: 'Nhập từ tệp',
  },
};
