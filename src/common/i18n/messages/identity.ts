/** Identity: users, agencies, API keys, login and access. */
export const IDENTITY_MESSAGES = {
  'abuse.signupsPerAddress': {
    en: 'Too many sign-ups from this address per hour (at most {limit}); try again in {seconds} seconds.',
    vi: 'Quá nhiều lượt đăng ký từ địa chỉ này trong một giờ (tối đa {limit}); hãy thử lại sau {seconds} giây.',
  },
  'abuse.signupsPerEmail': {
    en: 'Too many sign-ups for this e-mail address per hour (at most {limit}); try again in {seconds} seconds.',
    vi: 'Quá nhiều lượt đăng ký cho địa chỉ e-mail này trong một giờ (tối đa {limit}); hãy thử lại sau {seconds} giây.',
  },
  'abuse.commentsPerAccount': {
    en: 'Too many public comments from this account per day (at most {limit}); try again in {seconds} seconds.',
    vi: 'Tài khoản này đã gửi quá nhiều góp ý công khai trong ngày (tối đa {limit}); hãy thử lại sau {seconds} giây.',
  },
  'abuse.commentsPerAddress': {
    en: 'Too many public comments from this address per day (at most {limit}); try again in {seconds} seconds.',
    vi: 'Quá nhiều góp ý công khai từ địa chỉ này trong ngày (tối đa {limit}); hãy thử lại sau {seconds} giây.',
  },
  'publicAccount.tokenInvalid': {
    en: 'this link is unknown, already used or expired; sign up again for a new one',
    vi: 'đường dẫn này không đúng, đã được dùng hoặc đã hết hạn; hãy đăng ký lại để nhận đường dẫn mới',
  },
  'taxCode.form': {
    en: 'must be 10 digits, or 10 digits, "-" and 3 digits for a branch (e.g. 0101248141-001)',
    vi: 'phải gồm 10 chữ số, hoặc 10 chữ số, dấu "-" và 3 chữ số với chi nhánh (ví dụ 0101248141-001)',
  },
  'taxCode.branch': {
    en: 'a branch suffix runs from 001 to 999',
    vi: 'mã chi nhánh đi từ 001 đến 999',
  },
  'taxCode.checkDigit': {
    en: 'the check digit (the 10th) does not match the first nine',
    vi: 'chữ số kiểm tra (chữ số thứ 10) không khớp với chín chữ số đầu',
  },
  'notification.noSuch': { en: 'No such notification.', vi: 'Không tìm thấy thông báo.' },
  'notification.usersOnly': {
    en: 'Notifications are for users.',
    vi: 'Thông báo chỉ dành cho người dùng đã đăng nhập (không dành cho khóa API).',
  },
  'agency.exists': {
    en: 'An agency with code {code} already exists.',
    vi: 'Đã có cơ quan với mã {code}.',
  },
  'agency.noSuch': { en: 'No such agency.', vi: 'Không tìm thấy cơ quan.' },
  'agency.roleMisfit': {
    en: 'The agency has a {role} user, who cannot belong to a {kind}.',
    vi: 'Cơ quan có người dùng vai trò {role}, không thể thuộc loại cơ quan {kind}.',
  },
  'agency.code': {
    en: 'code must be 1–50 letters, digits, _ . -',
    vi: 'code phải gồm 1–50 chữ cái, chữ số, _ . -',
  },
  'apiKey.noSuch': { en: 'No such API key.', vi: 'Không tìm thấy khóa API.' },
  'apiKey.readOnly': {
    en: 'a {kind} may only have read-only keys',
    vi: 'cơ quan loại {kind} chỉ được có khóa chỉ đọc',
  },
  'auth.required': { en: 'Authentication is required.', vi: 'Cần đăng nhập.' },
  'auth.userOnly': {
    en: 'Only a signed-in user may do this, not an API key.',
    vi: 'Chỉ người dùng đã đăng nhập mới được thực hiện thao tác này, khóa API thì không.',
  },
  'auth.roleForbidden': {
    en: 'The role {role} may not do this.',
    vi: 'Vai trò {role} không được thực hiện thao tác này.',
  },
  'auth.keyReadOnly': { en: 'This API key is read-only.', vi: 'Khóa API này chỉ có quyền đọc.' },
  'auth.noPolicy': {
    en: 'This route has no access policy.',
    vi: 'Đường dẫn này chưa có chính sách truy cập.',
  },
  'auth.bearer': {
    en: 'Use "Authorization: Bearer <token>".',
    vi: 'Hãy dùng "Authorization: Bearer <token>".',
  },
  'auth.invalidCredentials': {
    en: 'Invalid email or password.',
    vi: 'Thư điện tử hoặc mật khẩu không đúng.',
  },
  'auth.tokenInvalid': {
    en: 'The access token is invalid or has expired.',
    vi: 'Mã truy cập không hợp lệ hoặc đã hết hạn.',
  },
  'auth.tokenRevoked': {
    en: 'The access token is no longer valid; log in again.',
    vi: 'Mã truy cập không còn hiệu lực; hãy đăng nhập lại.',
  },
  'auth.apiKeyInvalid': { en: 'The API key is invalid.', vi: 'Khóa API không hợp lệ.' },
  'auth.apiKeyRevoked': {
    en: 'The API key is invalid or has been revoked.',
    vi: 'Khóa API không hợp lệ hoặc đã bị thu hồi.',
  },
  'auth.throttleAccount': {
    en: 'Too many failed logins for this account; try again in {seconds} seconds.',
    vi: 'Tài khoản này đăng nhập sai quá nhiều lần; hãy thử lại sau {seconds} giây.',
  },
  'auth.throttleAddress': {
    en: 'Too many login attempts; try again in {seconds} seconds.',
    vi: 'Quá nhiều lần đăng nhập; hãy thử lại sau {seconds} giây.',
  },
  'expert.notInDirectory': {
    en: 'You are not in the expert directory.',
    vi: 'Bạn không có trong danh sách chuyên gia.',
  },
  'user.apiKeyNoPassword': { en: 'API keys have no password.', vi: 'Khóa API không có mật khẩu.' },
  'user.selfDemote': {
    en: 'Administrators cannot deactivate or demote themselves.',
    vi: 'Quản trị viên không thể tự khóa hoặc tự hạ quyền của mình.',
  },
  'user.roleAgency': {
    en: 'a {role} user must belong to an agency of kind {kinds}, not {kind}',
    vi: 'người dùng vai trò {role} phải thuộc cơ quan loại {kinds}, không phải {kind}',
  },
  'user.samePassword': {
    en: 'must differ from the current password',
    vi: 'phải khác mật khẩu hiện tại',
  },
  'user.wrongPassword': {
    en: 'the current password is not correct',
    vi: 'mật khẩu hiện tại không đúng',
  },
  'user.exists': {
    en: 'A user with this email already exists.',
    vi: 'Đã có người dùng với thư điện tử này.',
  },
  'user.noSuch': { en: 'No such user.', vi: 'Không tìm thấy người dùng.' },
  'changes.unknownTypes': {
    en: 'unknown event type(s): {types}',
    vi: 'loại sự kiện không xác định: {types}',
  },
  'changes.after': {
    en: 'after must be a cursor from nextCursor (a non-negative integer)',
    vi: 'after phải là cursor lấy từ nextCursor (số nguyên không âm)',
  },
  'webhook.noSuchDelivery': {
    en: 'No such delivery of this webhook.',
    vi: 'Không tìm thấy lượt gửi này của webhook.',
  },
  'webhook.noSuch': { en: 'No such webhook.', vi: 'Không tìm thấy webhook.' },
  'webhook.delivered': {
    en: 'This delivery was already delivered.',
    vi: 'Lượt gửi này đã được gửi thành công.',
  },
} as const;
