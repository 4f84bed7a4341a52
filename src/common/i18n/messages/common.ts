/** Titles by HTTP status and the messages of the common HTTP layer (filter, headers, paging). */
export const COMMON_MESSAGES = {
  'status.400': { en: 'Bad Request', vi: 'Yêu cầu không hợp lệ' },
  'status.401': { en: 'Unauthorized', vi: 'Chưa xác thực' },
  'status.403': { en: 'Forbidden', vi: 'Không có quyền' },
  'status.404': { en: 'Not Found', vi: 'Không tìm thấy' },
  'status.405': { en: 'Method Not Allowed', vi: 'Phương thức không được phép' },
  'status.409': { en: 'Conflict', vi: 'Xung đột' },
  'status.413': { en: 'Content Too Large', vi: 'Nội dung quá lớn' },
  'status.415': { en: 'Unsupported Media Type', vi: 'Định dạng không được hỗ trợ' },
  'status.422': { en: 'Unprocessable Content', vi: 'Không thể xử lý' },
  'status.428': { en: 'Precondition Required', vi: 'Thiếu điều kiện tiên quyết' },
  'status.429': { en: 'Too Many Requests', vi: 'Quá nhiều yêu cầu' },
  'status.500': { en: 'Internal Server Error', vi: 'Lỗi máy chủ' },
  'status.503': { en: 'Service Unavailable', vi: 'Dịch vụ tạm thời không sẵn sàng' },
  'problem.invalidRequest': { en: 'Invalid request', vi: 'Yêu cầu không hợp lệ' },

  'http.notValidJson': {
    en: 'The request body is not valid JSON.',
    vi: 'Nội dung yêu cầu không phải JSON hợp lệ.',
  },
  'http.bodyTooLarge': {
    en: 'The request body is larger than the limit.',
    vi: 'Nội dung yêu cầu vượt quá giới hạn cho phép.',
  },
  'http.unreadable': { en: 'The request could not be read.', vi: 'Không đọc được yêu cầu.' },
  'http.jsonAt': {
    en: 'is not valid JSON (at offset {offset})',
    vi: 'không phải JSON hợp lệ (tại vị trí {offset})',
  },
  'http.json': { en: 'is not valid JSON', vi: 'không phải JSON hợp lệ' },
  'http.nestedBody': {
    en: 'The JSON body is nested deeper than {max} levels.',
    vi: 'Nội dung JSON lồng sâu quá {max} cấp.',
  },
  'http.nested': { en: 'is nested deeper than {max} levels', vi: 'lồng sâu quá {max} cấp' },
  'http.nul': { en: 'must not contain a NUL character', vi: 'không được chứa ký tự NUL' },
  'http.encodingMismatch': {
    en: 'The request says Content-Encoding: {encoding}, but {message}.',
    vi: 'Yêu cầu ghi Content-Encoding: {encoding}, nhưng {message}.',
  },
  'http.notEncoded': {
    en: 'the body is not {encoding} data',
    vi: 'nội dung không phải dữ liệu {encoding}',
  },
  'http.encodingUnsupported': {
    en: 'Unsupported Content-Encoding "{encoding}"; send identity, gzip, deflate or br.',
    vi: 'Không hỗ trợ Content-Encoding "{encoding}"; hãy gửi identity, gzip, deflate hoặc br.',
  },
  'http.encodingUnsupportedField': {
    en: '"{encoding}" is not supported',
    vi: 'không hỗ trợ "{encoding}"',
  },
  'http.noRoute': { en: 'Cannot {method} {path}', vi: 'Không có đường dẫn {method} {path}' },
  'db.unavailable': {
    en: 'The database is unavailable; retry later.',
    vi: 'Cơ sở dữ liệu tạm thời không truy cập được; vui lòng thử lại sau.',
  },
  'db.invalidValue': {
    en: 'A value in the request is not acceptable.',
    vi: 'Một giá trị trong yêu cầu không được chấp nhận.',
  },
  'db.duplicate': {
    en: 'A record with the same identifying values already exists.',
    vi: 'Đã có một bản ghi với cùng các giá trị định danh.',
  },
  'db.concurrent': {
    en: 'The record was changed concurrently; retry.',
    vi: 'Bản ghi vừa bị thay đổi đồng thời; vui lòng thử lại.',
  },
  'server.unexpected': {
    en: 'An unexpected error occurred.',
    vi: 'Đã xảy ra lỗi không mong muốn.',
  },
  'http.ifMatch': {
    en: 'must be the record version, e.g. If-Match: 3',
    vi: 'phải là số phiên bản của bản ghi, ví dụ If-Match: 3',
  },
  'http.uuidParam': { en: '{name} must be a UUID', vi: '{name} phải là một UUID' },
  'http.cursor': {
    en: 'cursor is not valid; use nextCursor from a previous page',
    vi: 'cursor không hợp lệ; hãy dùng nextCursor của trang trước',
  },
  'http.idempotencyKey': {
    en: 'must be 1 to 200 visible ASCII characters, e.g. a UUID',
    vi: 'phải gồm 1 đến 200 ký tự ASCII hiển thị được, ví dụ một UUID',
  },
  'http.sentOnce': { en: 'must be sent once', vi: 'chỉ được gửi một lần' },
  'http.versionNumber': {
    en: 'must be the version number of the record, e.g. 3',
    vi: 'phải là số phiên bản của bản ghi, ví dụ 3',
  },
  'http.idempotencyReused': {
    en: 'This Idempotency-Key was already used for a different request; use a new key for a new request.',
    vi: 'Idempotency-Key này đã được dùng cho một yêu cầu khác; hãy dùng khóa mới cho yêu cầu mới.',
  },
  // What a file is, as the import and the attachments say it.
  'fileType.windowsProgram': {
    en: 'a Windows program (EXE/DLL)',
    vi: 'một chương trình Windows (EXE/DLL)',
  },
  'fileType.linuxProgram': {
    en: 'a Linux program (ELF)',
    vi: 'một chương trình Linux (ELF)',
  },
  'fileType.macProgram': {
    en: 'a macOS program',
    vi: 'một chương trình macOS',
  },
  'fileType.gif': {
    en: 'a GIF image',
    vi: 'một ảnh GIF',
  },
  'fileType.bmp': {
    en: 'a BMP image',
    vi: 'một ảnh BMP',
  },
  'fileType.tiff': {
    en: 'a TIFF image',
    vi: 'một ảnh TIFF',
  },
  'fileType.png': {
    en: 'a PNG image',
    vi: 'một ảnh PNG',
  },
  'fileType.jpeg': {
    en: 'a JPEG image',
    vi: 'một ảnh JPEG',
  },
  'fileType.pdf': {
    en: 'a PDF document',
    vi: 'một tài liệu PDF',
  },
  'fileType.rar': {
    en: 'a RAR archive',
    vi: 'một tệp nén RAR',
  },
  'fileType.sevenZip': {
    en: 'a 7-Zip archive',
    vi: 'một tệp nén 7-Zip',
  },
  'fileType.gzip': {
    en: 'a gzip archive',
    vi: 'một tệp nén gzip',
  },
  'fileType.zip': {
    en: 'a ZIP archive',
    vi: 'một tệp nén ZIP',
  },
  'fileType.oldOffice': {
    en: 'an old Office file (.doc/.xls) or a password-protected document',
    vi: 'một tệp Office cũ (.doc/.xls) hoặc tài liệu có mật khẩu',
  },
  'fileType.empty': {
    en: 'an empty file',
    vi: 'một tệp rỗng',
  },
  'fileType.damagedZip': {
    en: 'a damaged or incomplete ZIP/Office file',
    vi: 'một tệp ZIP/Office bị hỏng hoặc không đầy đủ',
  },
  'fileType.powerPoint': {
    en: 'a PowerPoint file',
    vi: 'một tệp PowerPoint',
  },
  'fileType.openDocument': {
    en: 'an OpenDocument file (.odt/.ods)',
    vi: 'một tệp OpenDocument (.odt/.ods)',
  },
  'fileType.notAccepted': {
    en: 'a file of a type that is not accepted',
    vi: 'một tệp thuộc loại không được chấp nhận',
  },
  'fileType.html': {
    en: 'an HTML or SVG page',
    vi: 'một trang HTML hoặc SVG',
  },
  'fileType.xml': {
    en: 'an XML file',
    vi: 'một tệp XML',
  },
  'fileType.text': {
    en: 'a text file',
    vi: 'một tệp văn bản',
  },
  'fileType.xls': {
    en: 'an Excel 97–2003 (.xls) or password-protected workbook; remove any password and save it as .xlsx (Excel Workbook)',
    vi: 'một bảng tính Excel 97–2003 (.xls) hoặc bảng tính có mật khẩu; hãy bỏ mật khẩu và lưu lại dạng .xlsx (Excel Workbook)',
  },
  'fileType.word': {
    en: 'a Word document (.docx), not a spreadsheet',
    vi: 'một tài liệu Word (.docx), không phải bảng tính',
  },
  'fileType.pptx': {
    en: 'a PowerPoint presentation, not a spreadsheet',
    vi: 'một bản trình chiếu PowerPoint, không phải bảng tính',
  },
  'fileType.ods': {
    en: 'an OpenDocument file (.ods); save it as .xlsx (Excel Workbook)',
    vi: 'một tệp OpenDocument (.ods); hãy lưu lại dạng .xlsx (Excel Workbook)',
  },
  'fileType.zipNotXlsx': {
    en: 'a ZIP archive, not an XLSX workbook',
    vi: 'một tệp nén ZIP, không phải bảng tính XLSX',
  },
  'attachment.refusedType': {
    en: 'the file is {what}; attach {types} (recognised by content, not by name)',
    vi: 'tệp này là {what}; hãy đính kèm {types} (nhận biết theo nội dung, không theo tên tệp)',
  },
  'import.file.notSpreadsheet': {
    en: 'the file is {what}, not an XLSX or CSV spreadsheet',
    vi: 'tệp này là {what}, không phải bảng tính XLSX hoặc CSV',
  },
  'import.file.empty': { en: 'the file is empty', vi: 'tệp rỗng' },
  'import.file.neither': {
    en: 'the file is neither an XLSX workbook nor CSV text',
    vi: 'tệp không phải bảng tính XLSX cũng không phải văn bản CSV',
  },
  'import.file.htmlPage': {
    en: 'the file is an HTML or XML page, not a spreadsheet; open it in Excel and save it as .xlsx (Excel Workbook)',
    vi: 'tệp là một trang HTML hoặc XML, không phải bảng tính; hãy mở bằng Excel và lưu lại dạng .xlsx (Excel Workbook)',
  },
  'http.noSuch': { en: 'No such {what}.', vi: 'Không tìm thấy {what}.' },
  'noun.regulation': { en: 'regulation', vi: 'quy định' },
  'noun.consultationRound': { en: 'consultation round', vi: 'vòng lấy ý kiến' },
  'noun.feedback': { en: 'feedback', vi: 'ý kiến' },
  'noun.record': { en: 'record', vi: 'bản ghi' },
  'web.notBuilt': {
    en: 'The web app is not built: run `npm run build`.',
    vi: 'Ứng dụng web chưa được build: hãy chạy `npm run build`.',
  },
  'web.noAsset': { en: 'No asset {name}.', vi: 'Không có tệp {name}.' },
  'jobs.noSuchJob': { en: 'No such job.', vi: 'Không tìm thấy tác vụ.' },
  'text.required': { en: 'is required', vi: 'là bắt buộc' },
  'text.mustBeString': { en: 'must be a string', vi: 'phải là chuỗi ký tự' },
  'text.mustBeObject': { en: 'must be an object', vi: 'phải là một đối tượng' },
  'text.mustBeArray': { en: 'must be an array', vi: 'phải là một mảng' },
  'text.notBlank': { en: 'must not be blank', vi: 'không được để trống' },
  'text.notEmpty': { en: 'must not be empty', vi: 'không được để trống' },
  'text.maxChars': { en: 'must be at most {max} characters', vi: 'tối đa {max} ký tự' },
  'text.maxCharsHas': {
    en: 'must be at most {max} characters (it has {length})',
    vi: 'tối đa {max} ký tự (hiện có {length})',
  },
  'text.plain': {
    en: 'must be plain text without control characters',
    vi: 'phải là văn bản thuần, không chứa ký tự điều khiển',
  },
  'text.trueFalse': { en: 'must be true or false', vi: 'phải là true hoặc false' },
  'text.alreadyInUse': { en: 'already in use', vi: 'đã được sử dụng' },
  'text.listedTwice': { en: 'is listed twice', vi: 'bị liệt kê hai lần' },
  'text.oneOf': { en: 'must be one of {values}', vi: 'phải là một trong các giá trị {values}' },
  'text.oneOfColon': {
    en: 'must be one of: {values}',
    vi: 'phải là một trong các giá trị: {values}',
  },
  'text.dateIso': { en: 'must be a date YYYY-MM-DD', vi: 'phải là ngày theo dạng YYYY-MM-DD' },
  'text.agencyUuid': { en: 'agencyId must be a UUID', vi: 'agencyId phải là một UUID' },
  'text.noSuchAgencyLower': { en: 'no such agency', vi: 'không có cơ quan này' },
  'text.noAgencyId': { en: 'no agency has this id', vi: 'không có cơ quan nào có id này' },
  'text.noSuchRegulationLower': { en: 'no such regulation', vi: 'không có quy định này' },
  'text.fieldMessage': { en: '{field}: {message}', vi: '{field}: {message}' },
} as const;
