/** Góp ý công khai: sign-up and verification of public commenters, the box on a regulation's page. */
export const publicComments = {
  box: {
    title: 'Góp ý công khai',
    intro:
      'Doanh nghiệp và người dân có thể góp ý về quy định, phương án và chi phí tuân thủ trong thời gian lấy ý kiến hiệp hội.',
    write: 'Gửi góp ý',
    signUp: 'Chưa có tài khoản? Đăng ký bằng thư điện tử',
  },
  signUp: {
    title: 'Đăng ký góp ý công khai',
    intro:
      'Nhập thư điện tử của bạn; chúng tôi gửi một liên kết xác minh dùng một lần. Mã số thuế (nếu có) chỉ được kiểm tra về hình thức và hiển thị là “chưa xác minh”.',
    email: 'Thư điện tử',
    displayName: 'Họ tên hiển thị',
    organisation: 'Doanh nghiệp, tổ chức (nếu có)',
    taxCode: 'Mã số thuế (nếu có)',
    taxCodeHint: '10 chữ số, hoặc 10 chữ số-3 chữ số cho chi nhánh',
    submit: 'Gửi liên kết xác minh',
    sent: (hours: number) =>
      `Nếu địa chỉ hợp lệ, một liên kết xác minh đã được gửi. Liên kết có hiệu lực trong ${hours} giờ.`,
  },
  item: {
    badge: 'Góp ý công khai',
    taxCode: (code: string) => `MST ${code} (chưa xác minh)`,
    hidden: (reason: string) => `Đã ẩn bởi kiểm duyệt: ${reason}`,
  },
  moderation: {
    title: 'Ẩn góp ý này (kiểm duyệt)',
    reason: 'Lý do ẩn',
    hint: 'Lý do được ghi lại; góp ý bị ẩn không còn hiển thị công khai và không cần trả lời.',
    submit: 'Ẩn góp ý',
  },
  verify: {
    title: 'Xác minh thư điện tử',
    intro:
      'Đặt mật khẩu để hoàn tất đăng ký. Sau đó bạn đăng nhập bằng thư điện tử và mật khẩu này.',
    noToken: 'Liên kết không đầy đủ. Hãy mở đúng liên kết trong thư xác minh.',
    password: 'Mật khẩu (ít nhất 10 ký tự)',
    submit: 'Xác minh và đăng nhập',
  },
};
