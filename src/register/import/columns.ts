/**
 * The columns of an import file. One row describes one regulation and, denormalised as in the
 * ministries' spreadsheets, its legal document; rows of the same document repeat its columns (or
 * use merged cells in XLSX).
 */
import { matchKey } from '../domain/text';

export type ImportField =
  | 'documentNumber'
  | 'documentType'
  | 'issuer'
  | 'documentTitle'
  | 'issuedOn'
  | 'effectiveOn'
  | 'expiredOn'
  | 'provision'
  | 'title'
  | 'description'
  | 'category'
  | 'sector'
  | 'procedureCode'
  | 'subjectTypes';

export interface ImportColumn {
  field: ImportField;
  /** The header of the template (Vietnamese). */
  header: string;
  /** Whether the column must be present; its cells are then required too. */
  required: boolean;
  /** Other accepted headers: Vietnamese variants and the English field names of the API. */
  aliases: readonly string[];
  /** For the template's instructions. */
  help: string;
  /** Template column width in characters. */
  width: number;
  kind: 'text' | 'date';
}

/** In template order. English aliases follow the API: `number`, `type`, `title` (of the regulation)… */
export const IMPORT_COLUMNS: readonly ImportColumn[] = Object.freeze([
  {
    field: 'documentNumber',
    header: 'Số hiệu văn bản',
    required: true,
    aliases: [
      'Số hiệu',
      'Số văn bản',
      'Số, ký hiệu văn bản',
      'Số ký hiệu văn bản',
      'Số ký hiệu',
      'number',
      'documentNumber',
    ],
    help: 'Số và ký hiệu, ví dụ 15/2018/NĐ-CP, 01/2020/TT-BYT, 1661/QĐ-TTg',
    width: 22,
    kind: 'text',
  },
  {
    field: 'documentType',
    header: 'Loại văn bản',
    required: true,
    aliases: ['Hình thức văn bản', 'type', 'documentType'],
    help: 'Mã hoặc tên loại văn bản (xem bảng "Loại văn bản")',
    width: 22,
    kind: 'text',
  },
  {
    field: 'issuer',
    header: 'Cơ quan ban hành',
    required: true,
    aliases: ['Cơ quan ban hành văn bản', 'issuer'],
    help: 'Ví dụ: Chính phủ, Thủ tướng Chính phủ, Bộ Y tế',
    width: 24,
    kind: 'text',
  },
  {
    field: 'documentTitle',
    header: 'Tên văn bản',
    required: true,
    aliases: ['Trích yếu', 'Trích yếu văn bản', 'Trích yếu nội dung', 'documentTitle'],
    help: 'Tên (trích yếu) của văn bản',
    width: 48,
    kind: 'text',
  },
  {
    field: 'issuedOn',
    header: 'Ngày ban hành',
    required: true,
    aliases: ['issuedOn'],
    help: 'Ngày, định dạng dd/mm/yyyy (31/05/2020) hoặc yyyy-mm-dd',
    width: 15,
    kind: 'date',
  },
  {
    field: 'effectiveOn',
    header: 'Ngày hiệu lực',
    required: true,
    aliases: ['Ngày có hiệu lực', 'Hiệu lực từ ngày', 'effectiveOn'],
    help: 'Ngày văn bản có hiệu lực, không trước ngày ban hành',
    width: 15,
    kind: 'date',
  },
  {
    field: 'expiredOn',
    header: 'Ngày hết hiệu lực',
    required: false,
    aliases: ['expiredOn'],
    help: 'Để trống nếu văn bản còn hiệu lực',
    width: 17,
    kind: 'date',
  },
  {
    field: 'provision',
    header: 'Điều khoản',
    required: true,
    aliases: [
      'Điều, khoản, điểm',
      'Điều khoản điểm',
      'Điểm, khoản, điều',
      'Vị trí quy định',
      'provision',
    ],
    help: 'Điều, khoản, điểm quy định, ví dụ "Điều 4 khoản 1"',
    width: 20,
    kind: 'text',
  },
  {
    field: 'title',
    header: 'Tên quy định',
    required: true,
    aliases: ['Quy định', 'Tên quy định kinh doanh', 'title', 'regulationTitle'],
    help: 'Tên ngắn của quy định kinh doanh',
    width: 40,
    kind: 'text',
  },
  {
    field: 'description',
    header: 'Mô tả',
    required: false,
    aliases: ['Nội dung', 'Nội dung quy định', 'Mô tả quy định', 'description'],
    help: 'Nội dung, mô tả quy định (không bắt buộc)',
    width: 48,
    kind: 'text',
  },
  {
    field: 'category',
    header: 'Loại quy định',
    required: true,
    aliases: ['Nhóm quy định', 'category'],
    help: 'Mã hoặc tên loại quy định (xem bảng "Loại quy định")',
    width: 26,
    kind: 'text',
  },
  {
    field: 'sector',
    header: 'Lĩnh vực',
    required: true,
    aliases: ['Ngành, lĩnh vực', 'Ngành lĩnh vực', 'sector'],
    help: 'Mã hoặc tên lĩnh vực (xem bảng "Lĩnh vực")',
    width: 24,
    kind: 'text',
  },
  {
    field: 'procedureCode',
    header: 'Mã TTHC',
    required: false,
    aliases: ['Mã thủ tục hành chính', 'Mã thủ tục', 'procedureCode'],
    help: 'Mã thủ tục hành chính trên Cổng Dịch vụ công quốc gia, ví dụ 1.013872 (nhập dạng văn bản)',
    width: 13,
    kind: 'text',
  },
  {
    field: 'subjectTypes',
    header: 'Đối tượng',
    required: false,
    aliases: ['Đối tượng tuân thủ', 'Đối tượng áp dụng', 'Đối tượng thực hiện', 'subjectTypes'],
    help: 'Một hoặc nhiều đối tượng, cách nhau bởi dấu phẩy: doanh nghiệp, người dân, cơ quan hành chính',
    width: 24,
    kind: 'text',
  },
] satisfies ImportColumn[]);

/** A header cell's lookup key: parenthesised notes ("(*)", "(dd/mm/yyyy)") and punctuation ignored. */
export function headerKey(header: string): string {
  return matchKey(header.replace(/\([^)]*\)|\[[^\]]*\]/g, ' '));
}

function buildHeaderKeys(): Map<string, ImportField> {
  const keys = new Map<string, ImportField>();
  for (const column of IMPORT_COLUMNS) {
    for (const name of [column.header, ...column.aliases]) {
      const key = headerKey(name);
      const existing = keys.get(key);
      if (existing !== undefined && existing !== column.field) {
        throw new Error(`import header alias "${name}" is ambiguous`);
      }
      keys.set(key, column.field);
    }
  }
  return keys;
}

const HEADER_KEYS = buildHeaderKeys();

/** The field a header names, case-, diacritic- and space-insensitively; null for other columns. */
export function matchHeader(header: string): ImportField | null {
  return HEADER_KEYS.get(headerKey(header)) ?? null;
}

export const IMPORT_COLUMN_BY_FIELD: Readonly<Record<ImportField, ImportColumn>> = Object.freeze(
  Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.field, c])) as Record<ImportField, ImportColumn>,
);
