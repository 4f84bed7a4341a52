import { Workbook } from 'exceljs';
import { LEGAL_DOCUMENT_TYPE_LABELS, LEGAL_DOCUMENT_TYPES } from '../domain/legal-document';
import {
  REGULATION_CATEGORIES,
  REGULATION_CATEGORY_LABELS,
  SEED_SECTORS,
} from '../domain/regulation-fields';
import { IMPORT_COLUMNS } from './columns';
import { CSV_UTF8_BOM, writeCsvRow } from './csv';
import { ImportRowError } from './errors';
import { parseImportFile } from './parse-import';
import {
  buildErrorReport,
  buildImportTemplate,
  ERROR_REPORT_HEADERS,
  TEMPLATE_DATA_SHEET,
  TEMPLATE_EXAMPLE,
  TEMPLATE_INSTRUCTIONS_SHEET,
  toImportRecord,
} from './workbooks';

const options = { maxRows: 100, sectors: SEED_SECTORS };

async function load(buffer: Buffer): Promise<Workbook> {
  const wb = new Workbook();
  await wb.xlsx.load(buffer as never);
  return wb;
}

function sheetText(wb: Workbook, name: string): string[][] {
  const sheet = wb.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const rows: string[][] = [];
  sheet.eachRow((row) =>
    rows.push(
      (row.values as unknown[])
        .slice(1)
        .map((v) => (v === undefined || v === null ? '' : String(v))),
    ),
  );
  return rows;
}

describe('buildImportTemplate', () => {
  it('has the Vietnamese headers in bold, widths, text formats and a frozen header', async () => {
    const buffer = await buildImportTemplate();
    expect(buffer.subarray(0, 4)).toEqual(Buffer.from('PK\x03\x04', 'latin1'));
    const wb = await load(buffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      TEMPLATE_DATA_SHEET,
      TEMPLATE_INSTRUCTIONS_SHEET,
    ]);
    const sheet = wb.getWorksheet(TEMPLATE_DATA_SHEET);
    if (!sheet) throw new Error('no data sheet');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(
      IMPORT_COLUMNS.map((c) => c.header),
    );
    expect(sheet.getRow(1).values).toContain('Số hiệu văn bản');
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    IMPORT_COLUMNS.forEach((c, i) => {
      expect(sheet.getColumn(i + 1).width).toBe(c.width);
      expect(sheet.getColumn(i + 1).numFmt).toBe(c.kind === 'date' ? 'dd/mm/yyyy' : '@');
    });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.rowCount).toBe(1);
  });

  it('lists the allowed codes with Vietnamese names, and an example row, on "Hướng dẫn"', async () => {
    const wb = await load(await buildImportTemplate());
    const rows = sheetText(wb, TEMPLATE_INSTRUCTIONS_SHEET);
    const has = (cells: string[]) => rows.some((r) => cells.every((c, i) => r[i] === c));
    for (const t of LEGAL_DOCUMENT_TYPES)
      expect(has([t, LEGAL_DOCUMENT_TYPE_LABELS[t].label])).toBe(true);
    for (const c of REGULATION_CATEGORIES)
      expect(has([c, REGULATION_CATEGORY_LABELS[c]])).toBe(true);
    for (const s of SEED_SECTORS) expect(has([s.code, s.name])).toBe(true);
    expect(has(['business', 'doanh nghiệp'])).toBe(true);
    expect(has(IMPORT_COLUMNS.map((c) => c.header))).toBe(true);
    expect(has(IMPORT_COLUMNS.map((c) => TEMPLATE_EXAMPLE[c.field] ?? ''))).toBe(true);
    expect(has(['Số hiệu văn bản', 'Có'])).toBe(true);
    expect(has(['Ngày hết hiệu lực', 'Không'])).toBe(true);
  });

  it('lists the sectors it is given', async () => {
    const wb = await load(
      await buildImportTemplate({ sectors: [{ code: 'mining', name: 'Khai khoáng' }] }),
    );
    const rows = sheetText(wb, TEMPLATE_INSTRUCTIONS_SHEET);
    expect(rows.some((r) => r[0] === 'mining' && r[1] === 'Khai khoáng')).toBe(true);
    expect(rows.some((r) => r[0] === 'food_safety')).toBe(false);
  });

  it('parses back as a valid, empty import', async () => {
    const r = await parseImportFile(await buildImportTemplate(), 'xlsx', options);
    expect(r).toMatchObject({
      format: 'xlsx',
      rows: [],
      errors: [],
      totalRows: 0,
      headerRow: 1,
      ignoredColumns: [],
    });
    expect(r.columns.map((c) => c.header)).toEqual(IMPORT_COLUMNS.map((c) => c.header));
  });

  it('imports its example once filled in, as a user would', async () => {
    const wb = await load(await buildImportTemplate());
    const sheet = wb.getWorksheet(TEMPLATE_DATA_SHEET);
    if (!sheet) throw new Error('no data sheet');
    sheet.addRow(IMPORT_COLUMNS.map((c) => TEMPLATE_EXAMPLE[c.field] || null));
    const filled = Buffer.from(await wb.xlsx.writeBuffer());
    const r = await parseImportFile(filled, 'xlsx', options);
    expect(r.errors).toEqual([]);
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({
      rowNumber: 2,
      document: {
        number: '15/2018/NĐ-CP',
        type: 'decree',
        issuer: 'Chính phủ',
        issuedOn: '2018-02-02',
      },
      regulation: {
        provision: 'Điều 4 khoản 1',
        title: 'Thủ tục tự công bố sản phẩm',
        category: 'administrative_procedure',
        sector: 'food_safety',
        procedureCode: '1.003348',
        subjectTypes: ['business'],
      },
    });
  });
});

describe('buildErrorReport', () => {
  it('writes Dòng, Cột, Lỗi for each error, the messages in Vietnamese', async () => {
    const errors: ImportRowError[] = [
      {
        row: 3,
        column: 'Số hiệu văn bản',
        field: 'documentNumber',
        message: 'a decree number looks like "15/2018/NĐ-CP"',
      },
      {
        row: 7,
        column: 'Ngày ban hành',
        field: 'issuedOn',
        message: '"31/02/2018" is not a real calendar date',
      },
    ];
    const wb = await load(await buildErrorReport(errors));
    const sheet = wb.worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...ERROR_REPORT_HEADERS]);
    expect(ERROR_REPORT_HEADERS).toEqual(['Dòng', 'Cột', 'Lỗi']);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual([
      3,
      'Số hiệu văn bản',
      'số hiệu nghị định có dạng "15/2018/NĐ-CP"',
    ]);
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual([
      7,
      'Ngày ban hành',
      '"31/02/2018" không phải ngày có thật trên lịch',
    ]);
    expect(sheet.rowCount).toBe(3);
    const en = (await load(await buildErrorReport(errors, { language: 'en' }))).worksheets[0];
    expect(en.getRow(3).getCell(3).value).toBe('"31/02/2018" is not a real calendar date');
  });

  it('reports the errors of a parsed file, and an empty report is just the header', async () => {
    const text =
      writeCsvRow(IMPORT_COLUMNS.map((c) => c.header)) + writeCsvRow(IMPORT_COLUMNS.map(() => ''));
    const bad = writeCsvRow(IMPORT_COLUMNS.map((c) => (c.field === 'documentNumber' ? 'x' : '')));
    const r = await parseImportFile(Buffer.from(text + bad), 'csv', options);
    expect(r.errors.length).toBeGreaterThan(1);
    const wb = await load(await buildErrorReport(r.errors));
    expect(wb.worksheets[0].rowCount).toBe(r.errors.length + 1);
    expect(wb.worksheets[0].getRow(2).getCell(1).value).toBe(3);
    expect((await load(await buildErrorReport([]))).worksheets[0].rowCount).toBe(1);
  });
});

describe('toImportRecord', () => {
  it('writes a stored regulation in template order, so that an export imports again', async () => {
    const document = {
      number: '01/2020/TT-BYT',
      type: 'circular' as const,
      issuer: 'Bộ Y tế',
      title: 'Thông tư, "sửa đổi"',
      issuedOn: '2020-01-15',
      effectiveOn: '2020-03-01',
      expiredOn: '2025-01-01',
    };
    const regulation = {
      provision: 'Điều 2',
      title: '-Báo cáo định kỳ',
      description: 'Dòng 1\nDòng 2',
      category: 'technical_standard' as const,
      sector: 'health',
      procedureCode: '2.001234',
      subjectTypes: ['business' as const, 'administration' as const],
    };
    const record = toImportRecord(document, regulation, { sectorName: 'Y tế' });
    expect(record).toEqual([
      '01/2020/TT-BYT',
      'Thông tư',
      'Bộ Y tế',
      'Thông tư, "sửa đổi"',
      '15/01/2020',
      '01/03/2020',
      '01/01/2025',
      'Điều 2',
      '-Báo cáo định kỳ',
      'Dòng 1\nDòng 2',
      'tiêu chuẩn, quy chuẩn kỹ thuật',
      'Y tế',
      '2.001234',
      'doanh nghiệp, cơ quan hành chính',
    ]);
    const csv =
      CSV_UTF8_BOM +
      writeCsvRow(IMPORT_COLUMNS.map((c) => c.header)) +
      writeCsvRow(record, { escapeFormulas: false });
    const r = await parseImportFile(Buffer.from(csv, 'utf8'), 'csv', options);
    expect(r.errors).toEqual([]);
    expect(r.rows[0].document).toEqual(document);
    expect(r.rows[0].regulation).toEqual(regulation);
  });
});
