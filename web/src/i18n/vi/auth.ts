/** The sign-in page. */
export const auth = {
  title: 'Đăng nhập',
  intro: 'Dành cho cán bộ bộ, ngành, hiệp hội, chuyên gia và Văn phòng Chính phủ.',
  email: 'Thư điện tử',
  password: 'Mật khẩu',
  submit: 'Đăng nhập',
  submitting: 'Đang đăng nhập…',
  invalid: 'Thư điện tử hoặc mật khẩu không đúng.',
  demoHint: 'Tài khoản dùng thử: xem README (mật khẩu regcut-demo-2026).',
  signedInAs: (name: string, role: string) => `${name} — ${role}`,
};
