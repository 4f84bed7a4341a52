import { Workbook, type Worksheet } from 'exceljs';
import { SEED_SECTORS } from '../domain/regulation-fields';
import { IMPORT_COLUMNS, ImportField } from './columns';
import { writeCsvRow } from './csv';
import { ImportFileError, ImportTooLargeError } from './errors';
import { ImportOptions, ImportResult, parseImportFile } from './parse-import';

type RowValues = Partial<Record<ImportField, string>>;

const HEADERS = IMPORT_COLUMNS.map((c) => c.header);
const options: ImportOptions = { maxRows: 1000, sectors: SEED_SECTORS };

const selfDeclaration: RowValues = {
  documentNumber: '15/2018/NĐ-CP',
  documentType: 'Nghị định',
  issuer: 'Chính phủ',
  documentTitle: 'Nghị định quy định chi tiết thi hành một số điều của Luật An toàn thực phẩm',
  issuedOn: '02/02/2018',
  effectiveOn: '02/02/2018',
  expiredOn: '',
  provision: 'Điều 4 khoản 1',
  title: 'Thủ tục tự công bố sản phẩm',
  description: 'Tổ chức, cá nhân tự công bố sản phẩm',
  category: 'Thủ tục hành chính',
  sector: 'An toàn thực phẩm',
  procedureCode: '1.003348',
  subjectTypes: 'doanh nghiệp',
};
const registration: RowValues = {
  ...selfDeclaration,
  provision: 'Điều 6',
  title: 'Thủ tục đăng ký bản công bố sản phẩm',
  description: '',
  procedureCode: '',
  subjectTypes: 'doanh nghiệp, người dân',
};
const circular: RowValues = {
  documentNumber: '01/2020/TT-BYT',
  documentType: 'circular',
  issuer: 'Bộ Y tế',
  documentTitle: 'Thông tư sửa đổi chế độ báo cáo',
  issuedOn: '2020-01-15',
  effectiveOn: '2020-03-01',
  expiredOn: '2025-01-01',
  provision: 'Điều 2',
  title: 'Báo cáo định kỳ',
  category: 'reporting_regime',
  sector: 'health',
};

function csv(
  rows: RowValues[],
  opts: { headers?: string[]; delimiter?: ',' | ';'; bom?: boolean; before?: string[][] } = {},
): Buffer {
  const headers = opts.headers ?? HEADERS;
  const delimiter = opts.delimiter ?? ',';
  const lines = [
    ...(opts.before ?? []).map((r) => writeCsvRow(r, { delimiter })),
    writeCsvRow(headers, { delimiter }),
    ...rows.map((r) =>
      writeCsvRow(
        IMPORT_COLUMNS.slice(0, headers.length).map((c) => r[c.field] ?? ''),
        { delimiter, escapeFormulas: false },
      ),
    ),
  ];
  return Buffer.from((opts.bom ? '\uFEFF' : '') + lines.join(''), 'utf8');
}

async function parse(buffer: Buffer, extra: Partial<ImportOptions> = {}): Promise<ImportResult> {
  return parseImportFile(buffer, undefined, { ...options, ...extra });
}

async function fileError(promise: Promise<unknown>): Promise<ImportFileError> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(ImportFileError);
    return e as ImportFileError;
  }
  throw new Error('expected ImportFileError');
}

const errorLines = (r: ImportResult) =>
  r.errors.map((e) => `${e.row} | ${e.column} | ${e.message}`);

describe('parseImportFile: CSV', () => {
  it('reads valid rows into typed, normalised documents and regulations', async () => {
    const r = await parse(csv([selfDeclaration, registration, circular]));
    expect(r.errors).toEqual([]);
    expect(r.format).toBe('csv');
    expect(r.totalRows).toBe(3);
    expect(r.invalidRows).toBe(0);
    expect(r.headerRow).toBe(1);
    expect(r.ignoredColumns).toEqual([]);
    expect(r.columns.map((c) => c.header)).toEqual(HEADERS);
    expect(r.rows.map((row) => row.rowNumber)).toEqual([2, 3, 4]);
    expect(r.rows[0]).toEqual({
      rowNumber: 2,
      document: {
        number: '15/2018/NĐ-CP',
        type: 'decree',
        issuer: 'Chính phủ',
        title: 'Nghị định quy định chi tiết thi hành một số điều của Luật An toàn thực phẩm',
        issuedOn: '2018-02-02',
        effectiveOn: '2018-02-02',
        expiredOn: null,
      },
      regulation: {
        provision: 'Điều 4 khoản 1',
        title: 'Thủ tục tự công bố sản phẩm',
        description: 'Tổ chức, cá nhân tự công bố sản phẩm',
        category: 'administrative_procedure',
        sector: 'food_safety',
        procedureCode: '1.003348',
        subjectTypes: ['business'],
      },
      documentKey: expect.any(String),
    });
    expect(r.rows[1].regulation).toMatchObject({
      description: '',
      procedureCode: null,
      subjectTypes: ['business', 'citizen'],
    });
    expect(r.rows[1].documentKey).toBe(r.rows[0].documentKey);
    expect(r.rows[2].document).toMatchObject({ type: 'circular', expiredOn: '2025-01-01' });
    expect(r.rows[2].regulation).toMatchObject({
      category: 'reporting_regime',
      sector: 'health',
      subjectTypes: [],
    });
    expect(r.rows[2].documentKey).not.toBe(r.rows[0].documentKey);
  });

  it('reads UTF-8 with BOM, semicolons, CRLF and line breaks inside quoted cells', async () => {
    const buffer = csv([{ ...selfDeclaration, description: 'Dòng 1\r\nDòng 2; "trích"' }], {
      delimiter: ';',
      bom: true,
    });
    expect(buffer.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const r = await parse(buffer);
    expect(r.errors).toEqual([]);
    expect(r.rows[0].regulation.description).toBe('Dòng 1\nDòng 2; "trích"');
    expect(r.rows[0].document.number).toBe('15/2018/NĐ-CP');
  });

  it('normalises decomposed Vietnamese and lower-case đ in cells', async () => {
    const nfd: RowValues = Object.fromEntries(
      Object.entries({ ...selfDeclaration, documentNumber: '15/2018/nđ-cp' }).map(([k, v]) => [
        k,
        v.normalize('NFD'),
      ]),
    );
    const r = await parse(csv([nfd]));
    expect(r.errors).toEqual([]);
    expect(r.rows[0].document.number).toBe('15/2018/NĐ-CP');
    expect(r.rows[0].regulation.title).toBe('Thủ tục tự công bố sản phẩm');
  });

  it('matches headers without diacritics, in any case, and the English field names', async () => {
    const plain = IMPORT_COLUMNS.map((c) =>
      c.header.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd'),
    );
    expect(plain[0]).toBe('So hieu van ban');
    let r = await parse(csv([selfDeclaration], { headers: plain }));
    expect(r.errors).toEqual([]);
    expect(r.rows).toHaveLength(1);

    r = await parse(
      csv([selfDeclaration], { headers: HEADERS.map((h) => `  ${h.toUpperCase()} (*) `) }),
    );
    expect(r.errors).toEqual([]);

    const english = [
      'number',
      'type',
      'issuer',
      'documentTitle',
      'issuedOn',
      'effectiveOn',
      'expiredOn',
      'provision',
      'title',
      'description',
      'category',
      'sector',
      'procedureCode',
      'subjectTypes',
    ];
    r = await parse(csv([selfDeclaration], { headers: english }));
    expect(r.errors).toEqual([]);
    expect(r.rows[0].regulation.title).toBe('Thủ tục tự công bố sản phẩm');
    expect(r.columns.find((c) => c.field === 'documentNumber')?.header).toBe('number');
  });

  it('reports errors with the header as written in the file', async () => {
    const plain = ['So hieu van ban', 'loai van ban', ...HEADERS.slice(2)];
    const r = await parse(
      csv([{ ...selfDeclaration, documentNumber: '15/2018/ND-CP', documentType: 'Nghi dinh' }], {
        headers: plain,
      }),
    );
    expect(errorLines(r)).toEqual([
      '2 | So hieu van ban | write "15/2018/NĐ-CP": "NĐ" is spelled with Đ (D with stroke), not D',
    ]);
  });

  it('finds the header below a title block and ignores unknown columns such as "STT"', async () => {
    const buffer = Buffer.from(
      [
        writeCsvRow(['DANH MỤC QUY ĐỊNH KINH DOANH']),
        writeCsvRow(['Bộ Y tế']),
        writeCsvRow([]),
        writeCsvRow(['STT', ...HEADERS, 'Ghi chú']),
        writeCsvRow(['1', ...IMPORT_COLUMNS.map((c) => selfDeclaration[c.field] ?? ''), 'x'], {
          escapeFormulas: false,
        }),
        writeCsvRow(['2']),
        writeCsvRow(['3', ...IMPORT_COLUMNS.map((c) => registration[c.field] ?? ''), ''], {
          escapeFormulas: false,
        }),
      ].join(''),
    );
    const r = await parse(buffer);
    expect(r.headerRow).toBe(4);
    expect(r.ignoredColumns).toEqual(['STT', 'Ghi chú']);
    expect(r.errors).toEqual([]);
    expect(r.rows.map((row) => row.rowNumber)).toEqual([5, 7]);
    expect(r.totalRows).toBe(2);
  });

  it('refuses a file without the required columns, naming them', async () => {
    const headers = HEADERS.filter((h) => h !== 'Ngày hiệu lực' && h !== 'Lĩnh vực');
    const buffer = Buffer.from(writeCsvRow(headers) + writeCsvRow(headers.map(() => 'x')));
    const e = await fileError(parse(buffer));
    expect(e.problem).toBe('missing_columns');
    expect(e.missingColumns).toEqual(['Ngày hiệu lực', 'Lĩnh vực']);
    expect(e.message).toBe(
      'the file lacks the required columns "Ngày hiệu lực", "Lĩnh vực" (header row 1; see the import template)',
    );
  });

  it('refuses a file with no recognisable header, or the same field twice', async () => {
    const none = await fileError(parse(Buffer.from('a,b,c\n1,2,3\n')));
    expect(none.problem).toBe('no_header');
    const twice = await fileError(parse(Buffer.from(writeCsvRow([...HEADERS, 'So hieu van ban']))));
    expect(twice.problem).toBe('duplicate_columns');
    expect(twice.message).toContain('"Số hiệu văn bản" and "So hieu van ban"');
  });

  it('accepts a header-only file as a valid, empty import', async () => {
    const r = await parse(csv([]));
    expect(r).toMatchObject({ rows: [], errors: [], totalRows: 0, invalidRows: 0 });
  });

  it('reports row, column and message for each bad cell, and keeps only valid rows', async () => {
    const rows: RowValues[] = [
      selfDeclaration,
      {
        ...selfDeclaration,
        documentNumber: '15/2018/ND-CP',
        issuedOn: '31/02/2018',
        category: 'giấy phép',
        sector: 'Dầu khí',
        title: 'Khác 1',
      },
      {
        ...circular,
        documentType: 'Thông tư',
        documentNumber: '15/2018/NĐ-CP',
        issuedOn: '2018-02-02',
        effectiveOn: '2018-02-01',
        expiredOn: '',
        procedureCode: 'BYT-285123',
        subjectTypes: 'hợp tác xã',
      },
      { ...circular, issuer: ' ', title: '', documentType: '' },
      { ...circular, documentNumber: '01/2021/TT-BYT', issuedOn: '15/01/2020', title: 'Khác 2' },
      {
        ...circular,
        issuedOn: 'hôm qua',
        effectiveOn: '1/3/20',
        expiredOn: '2020-02-01',
        title: 'Khác 3',
      },
    ];
    const r = await parse(csv(rows));
    expect(r.rows.map((row) => row.rowNumber)).toEqual([2]);
    expect(r.totalRows).toBe(6);
    expect(r.invalidRows).toBe(5);
    expect(errorLines(r)).toEqual([
      '3 | Số hiệu văn bản | write "15/2018/NĐ-CP": "NĐ" is spelled with Đ (D with stroke), not D',
      '3 | Ngày ban hành | "31/02/2018" is not a real calendar date',
      expect.stringMatching(/^3 \| Loại quy định \| unknown category "giấy phép"; use one of: /),
      expect.stringMatching(
        /^3 \| Lĩnh vực \| unknown sector "Dầu khí"; use a sector code or name/,
      ),
      '4 | Số hiệu văn bản | a circular number looks like "01/2020/TT-BYT"; "15/2018/NĐ-CP" looks like a decree number: check the document type',
      '4 | Ngày hiệu lực | must be on or after the issued date (2018-02-02)',
      '4 | Mã TTHC | "BYT-285123" is a legacy procedure code; use the current national code, one digit, a dot and six digits, such as "1.013872"',
      expect.stringMatching(/^4 \| Đối tượng \| unknown subject type "hợp tác xã"/),
      '5 | Loại văn bản | is required',
      '5 | Cơ quan ban hành | is required',
      '5 | Tên quy định | is required',
      '6 | Số hiệu văn bản | the year in the number (2021) is after the issued date (2020-01-15)',
      '7 | Ngày ban hành | "hôm qua" is not a date; write it as dd/mm/yyyy (31/05/2020) or yyyy-mm-dd (2020-05-31)',
      '7 | Ngày hiệu lực | "1/3/20": write the year with four digits, e.g. 31/05/2020',
    ]);
    for (const e of r.errors)
      expect(e.field).toBe(IMPORT_COLUMNS.find((c) => c.header === e.column)?.field);
  });

  it('reports every problem of one cell, each as its own error', async () => {
    const r = await parse(csv([{ ...circular, documentNumber: '0/2021/TT-BYT' }]));
    expect(errorLines(r)).toEqual([
      '2 | Số hiệu văn bản | the serial number must not be zero',
      '2 | Số hiệu văn bản | the year in the number (2021) is after the issued date (2020-01-15)',
    ]);
  });

  it('reads dates as ISO, dd/mm/yyyy (also with . or -), and "ngày … tháng … năm …"', async () => {
    const dates = [
      '2020-05-31',
      '31/05/2020',
      '31.05.2020',
      '31-5-2020',
      'ngày 31 tháng 5 năm 2020',
      '2020-05-31T00:00:00.000Z',
    ];
    const r = await parse(
      csv(
        dates.map((d, i) => ({
          ...circular,
          issuedOn: d,
          effectiveOn: d,
          expiredOn: '',
          title: `Quy định ${i}`,
        })),
      ),
    );
    expect(r.errors).toEqual([]);
    expect(r.rows.map((row) => row.document.issuedOn)).toEqual(dates.map(() => '2020-05-31'));
    const us = await parse(csv([{ ...circular, issuedOn: '05/31/2020' }]));
    expect(errorLines(us)).toEqual([
      '2 | Ngày ban hành | "05/31/2020" is not a real calendar date',
    ]);
  });

  it('requires rows of one document to agree, and refuses a repeated regulation', async () => {
    const r = await parse(
      csv([
        selfDeclaration,
        { ...registration, documentTitle: 'Một tên khác', effectiveOn: '03/02/2018' },
        { ...selfDeclaration, provision: 'Điều 4  khoản 1', title: 'THỦ TỤC TỰ CÔNG BỐ SẢN PHẨM' },
        { ...selfDeclaration, issuer: 'Bộ Y tế', title: 'Cùng số, khác cơ quan: văn bản khác' },
      ]),
    );
    expect(errorLines(r)).toEqual([
      '3 | Tên văn bản | differs from row 2 ("Nghị định quy định chi tiết thi hành một số điều của Luật An toàn thực phẩm"), which describes the same document 15/2018/NĐ-CP of Chính phủ issued 2018-02-02',
      '3 | Ngày hiệu lực | differs from row 2 ("2018-02-02"), which describes the same document 15/2018/NĐ-CP of Chính phủ issued 2018-02-02',
      '4 | Tên quy định | repeats row 2: the same document, provision and regulation title',
    ]);
    expect(r.rows.map((row) => row.rowNumber)).toEqual([2, 5]);
  });

  it('resolves "Quyết định" from the number', async () => {
    const r = await parse(
      csv([
        {
          ...circular,
          documentType: 'Quyết định',
          documentNumber: '1661/QĐ-TTg',
          issuer: 'Thủ tướng Chính phủ',
          expiredOn: '',
        },
        {
          ...circular,
          documentType: 'Quyết định',
          documentNumber: '12/2020/QĐ-UBND',
          issuer: 'UBND TP Hà Nội',
          expiredOn: '',
        },
        {
          ...circular,
          documentType: 'Quyết định',
          documentNumber: '45/2019/QĐ-BYT',
          expiredOn: '',
        },
      ]),
    );
    expect(r.rows.map((row) => row.document.type)).toEqual(['pm_decision', 'provincial_decision']);
    expect(errorLines(r)).toEqual([
      expect.stringMatching(/^4 \| Loại văn bản \| "Quyết định" is ambiguous/),
    ]);
  });

  it('skips blank rows without counting them, and enforces maxRows on the rest', async () => {
    const rows = [selfDeclaration, {}, registration, {}, circular];
    const r = await parse(csv(rows), { maxRows: 3 });
    expect(r.totalRows).toBe(3);
    expect(r.rows.map((row) => row.rowNumber)).toEqual([2, 4, 6]);
    const tooMany = parse(csv(rows), { maxRows: 2 });
    await expect(tooMany).rejects.toBeInstanceOf(ImportTooLargeError);
    await expect(parse(csv(rows), { maxRows: 2 })).rejects.toMatchObject({
      unit: 'rows',
      limit: 2,
      message: 'the file has more than 2 data rows; split it into files of at most 2 rows',
    });
    await expect(parse(csv([selfDeclaration]), { maxRows: 0 })).rejects.toBeInstanceOf(
      ImportTooLargeError,
    );
  });

  it('stops at the row limit without parsing the whole file', async () => {
    const many = Array.from({ length: 20000 }, (_, i) => ({ ...circular, title: `Quy định ${i}` }));
    const buffer = Buffer.concat([csv(many), Buffer.from('"never closed\n')]);
    // A full parse would hit the unterminated quote at the end; the limit is reached first.
    await expect(parse(buffer, { maxRows: 100 })).rejects.toBeInstanceOf(ImportTooLargeError);
    const e = await fileError(parse(buffer, { maxRows: 100000 }));
    expect(e.problem).toBe('corrupt');
    expect(e.message).toMatch(
      /^the CSV file is malformed: a quoted field that starts on line 20002/,
    );
  });

  it('validates option values', async () => {
    await expect(parse(csv([]), { maxRows: -1 })).rejects.toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------------------------

async function workbook(build: (wb: Workbook) => void): Promise<Buffer> {
  const wb = new Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function addRows(sheet: Worksheet, rows: RowValues[]): void {
  sheet.addRow(HEADERS);
  for (const r of rows) sheet.addRow(IMPORT_COLUMNS.map((c) => r[c.field] ?? null));
}

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe('parseImportFile: XLSX', () => {
  it('round-trips a workbook built with exceljs, with typed cells', async () => {
    const buffer = await workbook((wb) => {
      const sheet = wb.addWorksheet('Quy định');
      sheet.addRow(HEADERS);
      const row = (values: Partial<Record<ImportField, unknown>>) =>
        sheet.addRow(IMPORT_COLUMNS.map((c) => (values[c.field] ?? null) as never));
      row({
        ...selfDeclaration,
        issuedOn: utc(2018, 2, 2),
        effectiveOn: utc(2018, 2, 2),
        procedureCode: 1.00334, // Excel dropped the trailing zero of "1.003340"
        title: {
          richText: [
            { text: 'Thủ tục ' },
            { font: { bold: true }, text: 'tự công bố' },
            { text: ' sản phẩm' },
          ],
        },
        documentTitle: {
          text: 'Nghị định quy định chi tiết thi hành một số điều của Luật An toàn thực phẩm',
          hyperlink: 'https://vbpl.vn/',
        },
      });
      row({
        ...circular,
        issuedOn: utc(2020, 1, 15),
        effectiveOn: { formula: 'B3+46', result: utc(2020, 3, 1) },
        expiredOn: '01/01/2025',
        documentNumber: '01/2020/tt-byt',
      });
      sheet.getCell('E2').numFmt = 'dd/mm/yyyy';
    });
    const r = await parseImportFile(buffer, 'xlsx', options);
    expect(r.errors).toEqual([]);
    expect(r.format).toBe('xlsx');
    expect(r.rows).toHaveLength(2);
    expect(r.rows[0].document).toMatchObject({
      number: '15/2018/NĐ-CP',
      issuedOn: '2018-02-02',
      effectiveOn: '2018-02-02',
      title: 'Nghị định quy định chi tiết thi hành một số điều của Luật An toàn thực phẩm',
    });
    expect(r.rows[0].regulation).toMatchObject({
      title: 'Thủ tục tự công bố sản phẩm',
      procedureCode: '1.003340',
    });
    expect(r.rows[1].document).toMatchObject({
      number: '01/2020/TT-BYT',
      issuedOn: '2020-01-15',
      effectiveOn: '2020-03-01',
      expiredOn: '2025-01-01',
    });
  });

  it('reads a document merged down over its regulations on every row', async () => {
    const buffer = await workbook((wb) => {
      const sheet = wb.addWorksheet('Danh mục');
      addRows(sheet, [
        selfDeclaration,
        {
          ...registration,
          documentNumber: '',
          documentType: '',
          issuer: '',
          documentTitle: '',
          issuedOn: '',
          effectiveOn: '',
        },
      ]);
      for (const col of ['A', 'B', 'C', 'D', 'E', 'F']) sheet.mergeCells(`${col}2:${col}3`);
    });
    const r = await parse(buffer);
    expect(r.errors).toEqual([]);
    expect(
      r.rows.map((row) => [row.rowNumber, row.document.number, row.regulation.provision]),
    ).toEqual([
      [2, '15/2018/NĐ-CP', 'Điều 4 khoản 1'],
      [3, '15/2018/NĐ-CP', 'Điều 6'],
    ]);
    expect(r.rows[0].documentKey).toBe(r.rows[1].documentKey);
  });

  it('reads dates from serial numbers in General cells, UTC whatever the time of day', async () => {
    const buffer = await workbook((wb) => {
      const sheet = wb.addWorksheet('Quy định');
      addRows(sheet, [{ ...circular, expiredOn: '' }]);
      sheet.getCell('E2').value = 43845; // 2020-01-15
      sheet.getCell('F2').value = new Date(Date.UTC(2020, 2, 1, 23, 59)); // a date-time late in the day
      sheet.getCell('F2').numFmt = 'dd/mm/yyyy hh:mm';
    });
    const r = await parse(buffer);
    expect(r.errors).toEqual([]);
    expect(r.rows[0].document).toMatchObject({ issuedOn: '2020-01-15', effectiveOn: '2020-03-01' });
  });

  it('reports bad cells with their spreadsheet row numbers, blank rows in between', async () => {
    const buffer = await workbook((wb) => {
      const sheet = wb.addWorksheet('Quy định');
      addRows(sheet, [selfDeclaration]);
      sheet.addRow([]);
      sheet.addRow([]);
      sheet.addRow(IMPORT_COLUMNS.map((c) => ({ ...circular, sector: 'xyz' })[c.field] ?? null));
      sheet.getCell('E5').value = { error: '#N/A' } as never;
      sheet.getCell('F5').value = { formula: 'E5+1' } as never;
      sheet.getCell('M5').value = 2020;
    });
    const r = await parse(buffer);
    expect(r.rows.map((row) => row.rowNumber)).toEqual([2]);
    expect(errorLines(r)).toEqual([
      '5 | Ngày ban hành | the cell holds the error #N/A',
      '5 | Ngày hiệu lực | the cell holds a formula without a saved result; open the file in Excel and save it again',
      expect.stringMatching(/^5 \| Lĩnh vực \| unknown sector "xyz"/),
      '5 | Mã TTHC | must be one digit, a dot and six digits, such as "1.013872"',
    ]);
  });

  it('refuses a number that is not a plausible date serial', async () => {
    const buffer = await workbook((wb) => {
      const sheet = wb.addWorksheet('Quy định');
      addRows(sheet, [circular]);
      sheet.getCell('E2').value = 2020;
    });
    expect(errorLines(await parse(buffer))).toEqual([
      '2 | Ngày ban hành | the number 2020 is not a date; write it as dd/mm/yyyy (31/05/2020)',
    ]);
  });

  it('picks the sheet that holds the columns, skipping notes and the instructions sheet', async () => {
    const buffer = await workbook((wb) => {
      wb.addWorksheet('Ghi chú').addRow(['Danh mục do Vụ Pháp chế lập']);
      const lists = wb.addWorksheet('Danh sách', { state: 'hidden' });
      lists.addRow(['Loại văn bản']);
      addRows(wb.addWorksheet('Hướng dẫn'), [registration]);
      addRows(wb.addWorksheet('Dữ liệu'), [selfDeclaration]);
    });
    const r = await parse(buffer);
    expect(r.errors).toEqual([]);
    expect(r.rows.map((row) => row.regulation.provision)).toEqual(['Điều 4 khoản 1']);
  });

  it('names the missing columns of the best sheet', async () => {
    const buffer = await workbook((wb) => {
      wb.addWorksheet('A').addRow([
        'Số hiệu văn bản',
        'Loại văn bản',
        'Cơ quan ban hành',
        'Tên văn bản',
        'Ngày ban hành',
        'Ngày hiệu lực',
        'Điều khoản',
        'Tên quy định',
        'Loại quy định',
      ]);
    });
    const e = await fileError(parse(buffer));
    expect(e.problem).toBe('missing_columns');
    expect(e.missingColumns).toEqual(['Lĩnh vực']);
    const empty = await fileError(parse(await workbook((wb) => wb.addWorksheet('Trống'))));
    expect(empty.problem).toBe('no_header');
  });

  it('enforces maxRows', async () => {
    const buffer = await workbook((wb) =>
      addRows(wb.addWorksheet('Quy định'), [selfDeclaration, registration, circular]),
    );
    await expect(parse(buffer, { maxRows: 2 })).rejects.toBeInstanceOf(ImportTooLargeError);
    expect((await parse(buffer, { maxRows: 3 })).rows).toHaveLength(3);
  });

  it('reads a CSV file even when declared as XLSX (content decides)', async () => {
    const r = await parseImportFile(csv([selfDeclaration]), 'xlsx', options);
    expect(r.format).toBe('csv');
    expect(r.rows).toHaveLength(1);
  });
});
