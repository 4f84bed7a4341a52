/** The register (danh mục quy định, văn bản), its bulk import and the import error workbook. */
export const REGISTER_MESSAGES = {
  'register.noun.law': { en: 'a law', vi: 'luật' },
  'register.noun.ordinance': { en: 'an ordinance', vi: 'pháp lệnh' },
  'register.noun.resolution': { en: 'a resolution', vi: 'nghị quyết' },
  'register.noun.decree': { en: 'a decree', vi: 'nghị định' },
  'register.noun.pmDecision': {
    en: "a Prime Minister's decision",
    vi: 'quyết định của Thủ tướng Chính phủ',
  },
  'register.noun.circular': { en: 'a circular', vi: 'thông tư' },
  'register.noun.jointCircular': { en: 'a joint circular', vi: 'thông tư liên tịch' },
  'register.noun.provincialDecision': {
    en: "a provincial People's Committee decision",
    vi: 'quyết định của Ủy ban nhân dân cấp tỉnh',
  },
  'register.noun.document': { en: 'a document', vi: 'văn bản' },
  'register.number.looksLike': {
    en: '{noun} number looks like {examples}',
    vi: 'số hiệu {noun} có dạng {examples}',
  },
  'register.number.looksLikeOther': {
    en: '{noun} number looks like {examples}; "{number}" looks like {other} number: check the document type',
    vi: 'số hiệu {noun} có dạng {examples}; "{number}" giống số hiệu {other}: hãy kiểm tra loại văn bản',
  },
  'register.number.serialFirst': {
    en: 'must start with the serial number: {looks} (write the number only, without "Số" or the document type)',
    vi: 'phải bắt đầu bằng số thứ tự: {looks} (chỉ ghi số hiệu, không ghi "Số" hay loại văn bản)',
  },
  'register.number.noSpaces': {
    en: 'must not contain spaces: {looks}',
    vi: 'không được chứa dấu cách: {looks}',
  },
  'register.number.fourDigitYear': {
    en: 'the year must have four digits: {looks}',
    vi: 'năm phải có bốn chữ số: {looks}',
  },
  'register.number.serialZero': {
    en: 'the serial number must not be zero',
    vi: 'số thứ tự không được bằng 0',
  },
  'register.number.dStroke': {
    en: 'write "{corrected}": {codes} is spelled with Đ (D with stroke), not D',
    vi: 'hãy ghi "{corrected}": {codes} viết bằng chữ Đ, không phải D',
  },
  'register.number.yearRequired': {
    en: '{noun} number carries the year of issue, e.g. "{example}"',
    vi: 'số hiệu {noun} phải có năm ban hành, ví dụ "{example}"',
  },
  'register.number.yearImplausible': {
    en: 'the year {year} in the number is not plausible ({min}–{max})',
    vi: 'năm {year} trong số hiệu không hợp lý ({min}–{max})',
  },
  'register.number.yearAfterIssued': {
    en: 'the year in the number ({year}) is after the issued date ({issuedOn})',
    vi: 'năm trong số hiệu ({year}) sau ngày ban hành ({issuedOn})',
  },
  'register.number.unknownAmending': {
    en: 'is not the number of a legal document the catalogue knows, e.g. "12/2026/NĐ-CP" or "05/2026/TT-BYT"; give amendingDocumentType to check it against one type',
    vi: 'không phải số hiệu văn bản quy phạm pháp luật mà danh mục nhận biết được, ví dụ "12/2026/NĐ-CP" hoặc "05/2026/TT-BYT"; hãy ghi amendingDocumentType để kiểm tra theo một loại văn bản',
  },
  'register.type.ambiguous': {
    en: '"{input}" is ambiguous: write "{pm}" (pm_decision) or "{provincial}" (provincial_decision)',
    vi: '"{input}" chưa rõ: hãy ghi "{pm}" (pm_decision) hoặc "{provincial}" (provincial_decision)',
  },
  'register.type.unknown': {
    en: 'unknown document type "{input}"; use one of: {values}',
    vi: 'loại văn bản "{input}" không có trong danh mục; hãy dùng một trong: {values}',
  },
  'register.date.afterEffective': {
    en: 'must be after the effective date ({effectiveOn})',
    vi: 'phải sau ngày có hiệu lực ({effectiveOn})',
  },
  'register.date.afterIssued': {
    en: 'must be after the issued date ({issuedOn})',
    vi: 'phải sau ngày ban hành ({issuedOn})',
  },
  'register.date.onOrAfterIssued': {
    en: 'must be on or after the issued date ({issuedOn})',
    vi: 'phải từ ngày ban hành ({issuedOn}) trở đi',
  },
  'register.procedure.trailingZeros': {
    en: '"{code}" has fewer than six digits after the dot (a spreadsheet may have dropped trailing zeros); write it as text, such as "1.013870"',
    vi: '"{code}" có ít hơn sáu chữ số sau dấu chấm (bảng tính có thể đã bỏ các số 0 ở cuối); hãy nhập dạng văn bản, ví dụ "1.013870"',
  },
  'register.procedure.legacy': {
    en: '"{code}" is a legacy procedure code; use the current national code, one digit, a dot and six digits, such as "1.013872"',
    vi: '"{code}" là mã thủ tục cũ; hãy dùng mã quốc gia hiện hành: một chữ số, dấu chấm và sáu chữ số, ví dụ "1.013872"',
  },
  'register.procedure.format': {
    en: 'must be one digit, a dot and six digits, such as "1.013872"',
    vi: 'phải gồm một chữ số, dấu chấm và sáu chữ số, ví dụ "1.013872"',
  },
  'register.procedure.string': {
    en: 'must be a string such as "1.013872"',
    vi: 'phải là chuỗi ký tự, ví dụ "1.013872"',
  },
  'register.sector.codeFormat': {
    en: 'must be 2–50 lower-case ASCII letters, digits or "_", starting with a letter (e.g. "food_safety")',
    vi: 'phải gồm 2–50 chữ cái thường không dấu, chữ số hoặc "_", bắt đầu bằng chữ cái (ví dụ "food_safety")',
  },
  'register.sector.code': {
    en: 'must be a sector code such as "food_safety"',
    vi: 'phải là mã lĩnh vực, ví dụ "food_safety"',
  },
  'register.sector.unknownImport': {
    en: 'unknown sector "{input}"; use a sector code or name from the list (sheet "Hướng dẫn" of the template)',
    vi: 'lĩnh vực "{input}" không có trong danh mục; hãy dùng mã hoặc tên lĩnh vực trong danh sách (trang "Hướng dẫn" của tệp mẫu)',
  },
  'register.sector.unknown': {
    en: 'unknown sector "{sector}"',
    vi: 'lĩnh vực "{sector}" không có trong danh mục',
  },
  'register.subjects.arrayOf': {
    en: 'must be an array of: {values}',
    vi: 'phải là một mảng gồm: {values}',
  },
  'register.category.unknown': {
    en: 'unknown category "{input}"; use one of: {values}',
    vi: 'nhóm quy định "{input}" không có trong danh mục; hãy dùng một trong: {values}',
  },
  'register.subjects.unknown': {
    en: 'unknown subject type {input}; use: {values}',
    vi: 'đối tượng {input} không có trong danh mục; hãy dùng: {values}',
  },
  'register.alias.ambiguous': {
    en: 'alias "{name}" is ambiguous',
    vi: 'tên gọi khác "{name}" không rõ nghĩa',
  },
  'import.date.notDate': {
    en: '"{value}" is not a date; write it as dd/mm/yyyy (31/05/2020) or yyyy-mm-dd (2020-05-31)',
    vi: '"{value}" không phải ngày; hãy ghi theo dạng dd/mm/yyyy (31/05/2020) hoặc yyyy-mm-dd (2020-05-31)',
  },
  'import.date.notReal': {
    en: '"{value}" is not a real calendar date',
    vi: '"{value}" không phải ngày có thật trên lịch',
  },
  'import.date.fourDigits': {
    en: '"{value}": write the year with four digits, e.g. 31/05/2020',
    vi: '"{value}": hãy ghi năm đủ bốn chữ số, ví dụ 31/05/2020',
  },
  'import.date.isNot': { en: 'is not a date', vi: 'không phải ngày' },
  'import.date.invalid': { en: 'is not a valid date', vi: 'không phải ngày hợp lệ' },
  'import.date.number': {
    en: 'the number {value} is not a date; write it as dd/mm/yyyy (31/05/2020)',
    vi: 'số {value} không phải ngày; hãy ghi theo dạng dd/mm/yyyy (31/05/2020)',
  },
  'import.csv.unclosedQuote': {
    en: 'a quoted field that starts on line {line} is never closed (a " is missing)',
    vi: 'một ô trong dấu ngoặc kép bắt đầu ở dòng {line} không được đóng (thiếu một dấu ")',
  },
  'import.file.damaged': {
    en: 'the XLSX file is damaged or incomplete ({detail})',
    vi: 'tệp XLSX bị hỏng hoặc không đầy đủ ({detail})',
  },
  'import.file.is': { en: 'the file is {what}', vi: 'tệp này là {what}' },
  'import.file.unpacksTooLarge': {
    en: 'the workbook unpacks to {total} bytes, more than the limit of {limit}',
    vi: 'tệp khi giải nén có {total} byte, vượt giới hạn {limit}',
  },
  'import.file.memory': {
    en: 'reading the file needs more memory than the import allows ({mb} MiB); split it into smaller files',
    vi: 'đọc tệp cần nhiều bộ nhớ hơn mức cho phép ({mb} MiB); hãy chia thành các tệp nhỏ hơn',
  },
  'import.file.cellTooLong': {
    en: 'a cell near line {line} holds more than {max} characters, more than the import allows',
    vi: 'một ô gần dòng {line} có hơn {max} ký tự, vượt mức cho phép khi nhập',
  },
  'import.row.differs': {
    en: 'differs from row {row} ({before}), which describes the same document {number} of {issuer} issued {issuedOn}',
    vi: 'khác với dòng {row} ({before}), dòng mô tả cùng văn bản {number} của {issuer} ban hành ngày {issuedOn}',
  },
  'import.row.repeats': {
    en: 'repeats row {row}: the same document, provision and regulation title',
    vi: 'trùng với dòng {row}: cùng văn bản, điều khoản và tên quy định',
  },
  'import.file.noHeader': {
    en: 'no header row found; the first row must name the columns, e.g. {columns} (download the import template)',
    vi: 'không tìm thấy dòng tiêu đề; dòng đầu tiên phải ghi tên các cột, ví dụ {columns} (hãy tải tệp mẫu)',
  },
  'import.file.csvMalformed': {
    en: 'the CSV file is malformed: {message}',
    vi: 'tệp CSV sai định dạng: {message}',
  },
  'import.file.sameField': {
    en: 'the columns "{a}" and "{b}" (row {row}) are the same field; keep one of them',
    vi: 'các cột "{a}" và "{b}" (dòng {row}) cùng là một trường; hãy giữ lại một cột',
  },
  'import.file.plainText': {
    en: 'the file is not an XLSX workbook: it is plain text without the import columns',
    vi: 'tệp không phải bảng tính XLSX: đây là văn bản thuần không có các cột cần nhập',
  },
  'import.file.missingColumn': {
    en: 'the file lacks the required column {columns} (header row {row}; see the import template)',
    vi: 'tệp thiếu cột bắt buộc {columns} (dòng tiêu đề {row}; xem tệp mẫu)',
  },
  'import.file.missingColumns': {
    en: 'the file lacks the required columns {columns} (header row {row}; see the import template)',
    vi: 'tệp thiếu các cột bắt buộc {columns} (dòng tiêu đề {row}; xem tệp mẫu)',
  },
  'import.file.noSheet': {
    en: 'the workbook has no worksheet to import',
    vi: 'bảng tính không có trang nào để nhập',
  },
  'import.file.unreadable': {
    en: 'the XLSX workbook cannot be read; it is damaged ({what})',
    vi: 'không đọc được bảng tính XLSX; tệp bị hỏng ({what})',
  },
  'import.cell.formula': {
    en: 'the cell holds a formula without a saved result; open the file in Excel and save it again',
    vi: 'ô chứa công thức chưa có kết quả được lưu; hãy mở tệp bằng Excel rồi lưu lại',
  },
  'import.cell.error': { en: 'the cell holds the error {value}', vi: 'ô chứa lỗi {value}' },
  'import.file.tooLarge': {
    en: '{what} is larger than the import allows ({limit} {unit}); split the file into smaller ones',
    vi: '{what} vượt mức cho phép khi nhập ({limit} {unit}); hãy chia thành các tệp nhỏ hơn',
  },
  'import.file.tooManyRows': {
    en: 'the file has more than {limit} data rows; split it into files of at most {limit2} rows',
    vi: 'tệp có hơn {limit} dòng dữ liệu; hãy chia thành các tệp tối đa {limit2} dòng',
  },
  'import.file.tooManyBytes': {
    en: 'the file is larger than {limit} bytes',
    vi: 'tệp lớn hơn {limit} byte',
  },
  'import.internalError': {
    en: 'the import stopped on an internal error and imported nothing; upload the file again later',
    vi: 'lượt nhập dừng do lỗi nội bộ và chưa nhập dữ liệu nào; hãy tải tệp lên lại sau',
  },
  'import.noSuch': { en: 'No such import.', vi: 'Không tìm thấy lượt nhập.' },
  'import.notFinished': {
    en: 'The import is {status}; the report exists once it has finished.',
    vi: 'Lượt nhập đang ở trạng thái {status}; báo cáo lỗi có sau khi lượt nhập kết thúc.',
  },
  'import.attachFile': {
    en: 'attach the XLSX or CSV file as multipart field "file"',
    vi: 'hãy đính kèm tệp XLSX hoặc CSV trong trường multipart "file"',
  },
  'import.parseFailed': {
    en: 'import parse failed: {detail}',
    vi: 'không đọc được tệp nhập: {detail}',
  },
  'legalDocument.duplicate': {
    en: 'Document {number} of {issuer} issued on {issuedOn} is already in the catalogue.',
    vi: 'Văn bản {number} của {issuer} ban hành ngày {issuedOn} đã có trong danh mục.',
  },
  'legalDocument.noSuch': { en: 'No such legal document.', vi: 'Không tìm thấy văn bản.' },
  'legalDocument.noSuchLower': { en: 'no such legal document', vi: 'không có văn bản này' },
  'legalDocument.onlyOwner': {
    en: 'Only the agency that added this document, or an admin, may correct it.',
    vi: 'Chỉ cơ quan đã thêm văn bản này, hoặc quản trị viên, mới được sửa.',
  },
  'legalDocument.duplicateField': {
    en: 'already in the catalogue for this issuer and issued date',
    vi: 'đã có trong danh mục với cùng cơ quan ban hành và ngày ban hành',
  },
  'programme.noSuch': { en: 'No such programme.', vi: 'Không tìm thấy chương trình.' },
  'programme.exists': {
    en: 'Programme {code} already exists.',
    vi: 'Chương trình {code} đã tồn tại.',
  },
  'programme.code': {
    en: 'code must be 2–30 letters, digits, _ or -',
    vi: 'code phải gồm 2–30 chữ cái, chữ số, _ hoặc -',
  },
  'programme.dateField': {
    en: '{property} must be a date YYYY-MM-DD',
    vi: '{property} phải là ngày theo dạng YYYY-MM-DD',
  },
  'programme.notAfterEnd': { en: 'must not be after endDate', vi: 'không được sau endDate' },
  'programme.notBeforeStart': {
    en: 'must not be before startDate',
    vi: 'không được trước startDate',
  },
  'programme.unknown': {
    en: 'unknown programme "{programme}"',
    vi: 'không có chương trình "{programme}"',
  },
  'regulation.editOnlyDraft': {
    en: 'A regulation can be edited only in draft; it is in {state}.',
    vi: 'Chỉ sửa được quy định ở trạng thái "Dự thảo"; quy định đang ở trạng thái "{state}".',
  },
  'regulation.sendIfMatch': {
    en: 'Send If-Match with the version you edited (from GET /regulations/:id).',
    vi: 'Hãy gửi If-Match với phiên bản bạn đã sửa (lấy từ GET /regulations/:id).',
  },
  'regulation.staleVersion': {
    en: 'The regulation is at version {version}, not {ifMatch}; reload and retry.',
    vi: 'Quy định đang ở phiên bản {version}, không phải {ifMatch}; hãy tải lại rồi thử lại.',
  },
  'regulation.noSuch': { en: 'No such regulation.', vi: 'Không tìm thấy quy định.' },
  'sector.noSuch': { en: 'No such sector.', vi: 'Không tìm thấy lĩnh vực.' },
  'sector.exists': { en: 'Sector {code} already exists.', vi: 'Lĩnh vực {code} đã tồn tại.' },
  'sector.code': {
    en: 'code must be 2–50 lowercase letters, digits or _',
    vi: 'code phải gồm 2–50 chữ cái thường, chữ số hoặc _',
  },
} as const;
