/**
 * Workbooks the import produces: the template users fill in, and the per-row error report.
 */
import { type DataValidation, Workbook, type Worksheet } from 'exceljs';
import {
  LEGAL_DOCUMENT_TYPE_LABELS,
  LEGAL_DOCUMENT_TYPES,
  LegalDocumentFields,
} from '../domain/legal-document';
import {
  REGULATION_CATEGORIES,
  REGULATION_CATEGORY_LABELS,
  RegulationFields,
  SEED_SECTORS,
  Sector,
  SUBJECT_TYPE_LABELS,
  SUBJECT_TYPES,
} from '../domain/regulation-fields';
import { IMPORT_COLUMNS } from './columns';
import { localizeText } from '../../common/i18n/catalogue';
import type { Language } from '../../common/i18n/language';
import { ImportRowError } from './errors';

export const TEMPLATE_DATA_SHEET = 'Quy định';
export const TEMPLATE_INSTRUCTIONS_SHEET = 'Hướng dẫn';

const HEADER_FILL = {
  type: 'pattern' as const,
  pattern: 'solid' as const,
  fgColor: { argb: 'FFDDEBF7' },
};
const REQUIRED_FILL = {
  type: 'pattern' as const,
  pattern: 'solid' as const,
  fgColor: { argb: 'FFFCE4D6' },
};

async function toBuffer(workbook: Workbook): Promise<Buffer> {
  const data = await workbook.xlsx.writeBuffer();
  return Buffer.isBuffer(data) ? data : Buffer.from(data as ArrayBuffer);
}

function newWorkbook(): Workbook {
  const workbook = new Workbook();
  workbook.creator = 'regcut';
  // A fixed date keeps the output reproducible (no "now" in a pure module).
  workbook.created = new Date(Date.UTC(2020, 4, 12));
  workbook.modified = workbook.created;
  return workbook;
}

function boldRow(sheet: Worksheet, rowNumber: number): void {
  sheet.getRow(rowNumber).font = { bold: true };
}

/** The example: Decree 15/2018/NĐ-CP on food safety, self-declaration of products. */
export const TEMPLATE_EXAMPLE: Readonly<Record<string, string>> = Object.freeze({
  documentNumber: '15/2018/NĐ-CP',
  documentType: 'Nghị định',
  issuer: 'Chính phủ',
  documentTitle: 'Nghị định quy định chi tiết thi hành một số điều của Luật An toàn thực phẩm',
  issuedOn: '02/02/2018',
  effectiveOn: '02/02/2018',
  expiredOn: '',
  provision: 'Điều 4 khoản 1',
  title: 'Thủ tục tự công bố sản phẩm',
  description:
    'Tổ chức, cá nhân sản xuất, kinh doanh thực phẩm tự công bố sản phẩm trên phương tiện thông tin đại chúng, trang thông tin điện tử của mình hoặc niêm yết tại trụ sở.',
  category: 'administrative_procedure',
  sector: 'food_safety',
  procedureCode: '1.003348',
  subjectTypes: 'doanh nghiệp',
});

/** Rows of the data sheet that carry the dropdowns and input messages (the header included). */
export const TEMPLATE_VALIDATED_ROWS = 10_000;

/**
 * The import template: sheet "Quy định" with the Vietnamese headers (required ones shaded), text
 * and date column formats, frozen header and filter, and sheet "Hướng dẫn" with the column rules,
 * the allowed codes and names, and an example row. The example is deliberately not on the data
 * sheet: left there by mistake it would be imported as a real regulation.
 *
 * Each column's note is a data-validation input message (shown when a cell is selected), not a
 * cell comment: comments do not survive a re-save by other tools (openpyxl, LibreOffice, WPS)
 * intact, validations do. Type, category and sector get dropdowns of the names on the
 * instructions sheet; a typed code is still accepted (a warning, not a stop).
 */
export async function buildImportTemplate(
  options: { sectors?: readonly Sector[] } = {},
): Promise<Buffer> {
  const sectors = options.sectors ?? SEED_SECTORS;
  const workbook = newWorkbook();

  const data = workbook.addWorksheet(TEMPLATE_DATA_SHEET, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  data.columns = IMPORT_COLUMNS.map((c) => ({
    header: c.header,
    key: c.field,
    width: c.width,
    // Text format keeps "1.003348" and "01/2020/TT-BYT" as typed instead of numbers or dates.
    style: { numFmt: c.kind === 'date' ? 'dd/mm/yyyy' : '@' },
  }));
  const header = data.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  IMPORT_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = c.required ? REQUIRED_FILL : HEADER_FILL;
    cell.numFmt = '@';
  });
  data.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: IMPORT_COLUMNS.length } };

  const help = workbook.addWorksheet(TEMPLATE_INSTRUCTIONS_SHEET);
  help.columns = [{ width: 26 }, { width: 38 }, { width: 60 }, { width: 24 }];
  help.addRow(['Hướng dẫn nhập danh mục quy định kinh doanh']).font = { bold: true, size: 14 };
  help.addRow([
    'Mỗi dòng của trang "Quy định" là một quy định kinh doanh cùng văn bản quy phạm pháp luật chứa quy định đó. Các quy định của cùng một văn bản ghi lặp lại các cột văn bản (hoặc gộp ô). Cột tô màu cam là bắt buộc. Ngày ghi dd/mm/yyyy.',
  ]);
  help.addRow([]);

  // Each section's rows on the instructions sheet, as an absolute range of its "Tên" column.
  const section = (title: string, headings: string[], rows: string[][]): string => {
    boldRow(help, help.addRow([title]).number);
    const h = help.addRow(headings);
    h.font = { bold: true };
    h.eachCell((cell) => (cell.fill = HEADER_FILL));
    const first = help.rowCount + 1;
    for (const r of rows) help.addRow(r);
    const last = help.rowCount;
    help.addRow([]);
    return `'${TEMPLATE_INSTRUCTIONS_SHEET}'!$B$${first}:$B$${last}`;
  };
  section(
    'Các cột',
    ['Cột', 'Bắt buộc', 'Nội dung', 'Tên cột tiếng Anh'],
    IMPORT_COLUMNS.map((c) => [c.header, c.required ? 'Có' : 'Không', c.help, c.field]),
  );
  const lists: Partial<Record<string, string>> = {};
  lists.documentType = section(
    'Loại văn bản',
    ['Mã', 'Tên'],
    LEGAL_DOCUMENT_TYPES.map((t) => [t, LEGAL_DOCUMENT_TYPE_LABELS[t].label]),
  );
  lists.category = section(
    'Loại quy định',
    ['Mã', 'Tên'],
    REGULATION_CATEGORIES.map((c) => [c, REGULATION_CATEGORY_LABELS[c]]),
  );
  lists.sector = section(
    'Lĩnh vực',
    ['Mã', 'Tên'],
    sectors.map((s) => [s.code, s.name]),
  );
  section(
    'Đối tượng',
    ['Mã', 'Tên'],
    SUBJECT_TYPES.map((s) => [s, SUBJECT_TYPE_LABELS[s]]),
  );

  boldRow(help, help.addRow(['Ví dụ (một dòng của trang "Quy định")']).number);
  const exampleHeader = help.addRow(IMPORT_COLUMNS.map((c) => c.header));
  exampleHeader.font = { bold: true };
  exampleHeader.eachCell((cell) => (cell.fill = HEADER_FILL));
  help.addRow(IMPORT_COLUMNS.map((c) => TEMPLATE_EXAMPLE[c.field] ?? ''));

  // One validation per column range, not per cell (exceljs has this, its types do not).
  const validations = (
    data as unknown as { dataValidations: { add(range: string, v: DataValidation): void } }
  ).dataValidations;
  IMPORT_COLUMNS.forEach((c, i) => {
    const letter = data.getColumn(i + 1).letter;
    const list = lists[c.field];
    // Excel caps an input message at 32 characters of title and 255 of text.
    const message = {
      showInputMessage: true,
      promptTitle: c.header.slice(0, 32),
      prompt: `${c.required ? 'Bắt buộc. ' : 'Không bắt buộc. '}${c.help}`.slice(0, 255),
    };
    // "any": an input message without a rule (exceljs's types omit it).
    const note = { ...message, type: 'any', formulae: [] } as unknown as DataValidation;
    validations.add(`${letter}1`, note);
    validations.add(
      `${letter}2:${letter}${TEMPLATE_VALIDATED_ROWS}`,
      list
        ? {
            ...message,
            type: 'list',
            allowBlank: true,
            formulae: [list],
            showErrorMessage: true,
            errorStyle: 'warning',
            errorTitle: c.header.slice(0, 32),
            error: `Chọn trong danh sách (trang "${TEMPLATE_INSTRUCTIONS_SHEET}") hoặc ghi đúng mã.`,
          }
        : note,
    );
  });

  return toBuffer(workbook);
}

/** Column headers of the error report. */
export const ERROR_REPORT_HEADERS = ['Dòng', 'Cột', 'Lỗi'] as const;

/** The Cột (column) of the error report's line for a whole file refused. */
export const FILE_ERROR_COLUMN = 'Tệp';

/**
 * The per-row error report: Dòng (row), Cột (column header as in the file), Lỗi (message, in
 * Vietnamese through the message catalogue). For a file refused as a whole, `fileError` is its
 * one line (no row, column "Tệp").
 */
export async function buildErrorReport(
  errors: readonly ImportRowError[],
  options: { fileError?: string; language?: Language } = {},
): Promise<Buffer> {
  const lang = options.language ?? 'vi';
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet('Lỗi', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: ERROR_REPORT_HEADERS[0], key: 'row', width: 8 },
    { header: ERROR_REPORT_HEADERS[1], key: 'column', width: 24 },
    {
      header: ERROR_REPORT_HEADERS[2],
      key: 'message',
      width: 100,
      style: { alignment: { wrapText: true } },
    },
  ];
  boldRow(sheet, 1);
  if (options.fileError)
    sheet.addRow({
      row: null,
      column: FILE_ERROR_COLUMN,
      message: localizeText(options.fileError, lang),
    });
  for (const e of errors)
    sheet.addRow({ row: e.row, column: e.column, message: localizeText(e.message, lang) });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 3 } };
  return toBuffer(workbook);
}

/**
 * A stored regulation and its document as one row in template column order, with Vietnamese
 * names and dd/mm/yyyy dates, for exports that users can edit and import again.
 */
export function toImportRecord(
  document: LegalDocumentFields,
  regulation: RegulationFields,
  options: { sectorName?: string } = {},
): string[] {
  const day = (iso: string | null) => (iso === null ? '' : iso.split('-').reverse().join('/'));
  const values: Record<string, string> = {
    documentNumber: document.number,
    documentType: LEGAL_DOCUMENT_TYPE_LABELS[document.type].label,
    issuer: document.issuer,
    documentTitle: document.title,
    issuedOn: day(document.issuedOn),
    effectiveOn: day(document.effectiveOn),
    expiredOn: day(document.expiredOn),
    provision: regulation.provision,
    title: regulation.title,
    description: regulation.description,
    category: REGULATION_CATEGORY_LABELS[regulation.category],
    sector: options.sectorName ?? regulation.sector,
    procedureCode: regulation.procedureCode ?? '',
    subjectTypes: regulation.subjectTypes.map((s) => SUBJECT_TYPE_LABELS[s]).join(', '),
  };
  return IMPORT_COLUMNS.map((c) => values[c.field]);
}
