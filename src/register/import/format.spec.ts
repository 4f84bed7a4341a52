import { Workbook } from 'exceljs';
import { zip } from '../../../test/support/zip';
import { ImportFileError, ImportTooLargeError } from './errors';
import { checkXlsxArchive, describeNonSpreadsheet, detectFormat, listZipEntries } from './format';
import { parseImportFile } from './parse-import';

async function workbookBuffer(): Promise<Buffer> {
  const wb = new Workbook();
  wb.addWorksheet('Quy định').addRow(['Số hiệu văn bản']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('0000000d49484452000000010000000108060000001f15c489', 'hex'),
]);
const options = { maxRows: 100, sectors: [] };

async function fileError(buffer: Buffer, declared?: 'xlsx' | 'csv'): Promise<ImportFileError> {
  try {
    await parseImportFile(buffer, declared, options);
  } catch (e) {
    expect(e).toBeInstanceOf(ImportFileError);
    return e as ImportFileError;
  }
  throw new Error('expected an ImportFileError');
}

describe('detectFormat', () => {
  it('recognises XLSX workbooks and CSV text by content', async () => {
    expect(detectFormat(await workbookBuffer())).toBe('xlsx');
    expect(detectFormat(Buffer.from('Số hiệu văn bản,Loại văn bản\n', 'utf8'))).toBe('csv');
    expect(detectFormat(Buffer.from('\uFEFFa;b', 'utf8'))).toBe('csv');
    expect(
      detectFormat(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a\tb', 'utf16le')])),
    ).toBe('csv');
  });

  it('calls a damaged ZIP "xlsx", so that reading it gives the precise error', async () => {
    const wb = await workbookBuffer();
    expect(detectFormat(wb.subarray(0, 200))).toBe('xlsx');
  });

  it('refuses everything else', () => {
    expect(detectFormat(Buffer.alloc(0))).toBeNull();
    expect(detectFormat(PNG)).toBeNull();
    expect(detectFormat(Buffer.from('%PDF-1.7\n...'))).toBeNull();
    expect(detectFormat(Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00]))).toBeNull();
    // Binary without NUL bytes: too many control characters for text.
    expect(detectFormat(Buffer.from(Array.from({ length: 255 }, (_, i) => i + 1)))).toBeNull();
    // Text in a legacy 8-bit encoding is text: reading it then says "not UTF-8".
    expect(detectFormat(Buffer.from([0x53, 0xf4, 0x2c, 0x78, 0x0a]))).toBe('csv');
    expect(detectFormat(zip({ 'word/document.xml': '<w/>' }))).toBeNull();
    expect(detectFormat(Buffer.from('<html><table><tr><td>1</td></tr></table></html>'))).toBeNull();
  });
});

describe('describeNonSpreadsheet', () => {
  it('says what the file really is', () => {
    expect(describeNonSpreadsheet(PNG)).toBe(
      'the file is a PNG image, not an XLSX or CSV spreadsheet',
    );
    expect(describeNonSpreadsheet(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2]))).toContain(
      'a JPEG image',
    );
    expect(describeNonSpreadsheet(Buffer.from('%PDF-1.4'))).toContain('a PDF document');
    expect(
      describeNonSpreadsheet(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0])),
    ).toContain('Excel 97–2003 (.xls)');
    expect(
      describeNonSpreadsheet(zip({ 'word/document.xml': '<w/>', '[Content_Types].xml': '<x/>' })),
    ).toBe('the file is a Word document (.docx), not a spreadsheet');
    expect(
      describeNonSpreadsheet(
        zip({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<x/>' }),
      ),
    ).toContain('OpenDocument');
    expect(describeNonSpreadsheet(zip({ 'a.txt': 'hello' }))).toBe(
      'the file is a ZIP archive, not an XLSX workbook',
    );
    expect(describeNonSpreadsheet(Buffer.from('<!DOCTYPE html><html>'))).toContain(
      'an HTML or XML page',
    );
    expect(describeNonSpreadsheet(Buffer.from([0x41, 0x00, 0x42]))).toBe(
      'the file is neither an XLSX workbook nor CSV text',
    );
    expect(describeNonSpreadsheet(Buffer.alloc(0))).toBe('the file is empty');
  });
});

describe('ZIP inspection', () => {
  it('lists a workbook without unpacking it', async () => {
    const entries = listZipEntries(await workbookBuffer());
    const names = entries.map((e) => e.name);
    expect(names).toContain('xl/workbook.xml');
    expect(names).toContain('[Content_Types].xml');
    expect(entries.every((e) => e.uncompressedSize >= 0 && e.compressedSize >= 0)).toBe(true);
  });

  it('reads sizes from its own ZIPs too', () => {
    const entries = listZipEntries(zip({ 'xl/workbook.xml': 'x'.repeat(1000) }));
    expect(entries).toEqual([
      {
        name: 'xl/workbook.xml',
        compressedSize: expect.any(Number),
        uncompressedSize: 1000,
        method: 8,
        localHeaderOffset: 0,
      },
    ]);
  });

  it('refuses a workbook that unpacks beyond the limit (zip bomb guard)', async () => {
    const wb = await workbookBuffer();
    expect(() => checkXlsxArchive(wb, 100)).toThrow(ImportTooLargeError);
    expect(() => checkXlsxArchive(wb, 10_000_000)).not.toThrow();
    await expect(
      parseImportFile(wb, 'xlsx', { ...options, maxUncompressedBytes: 100 }),
    ).rejects.toMatchObject({
      name: 'ImportTooLargeError',
      unit: 'bytes',
      limit: 100,
    });
  });

  it('reports a truncated archive as damaged', async () => {
    const wb = await workbookBuffer();
    expect(() => listZipEntries(wb.subarray(0, wb.length - 30))).toThrow(ImportFileError);
    const e = await fileError(wb.subarray(0, Math.floor(wb.length / 2)), 'xlsx');
    expect(e.problem).toBe('corrupt');
    expect(e.message).toContain('the XLSX file is damaged or incomplete');
  });
});

describe('parseImportFile on files that are not spreadsheets', () => {
  it('refuses a PNG renamed to .xlsx or .csv', async () => {
    for (const declared of ['xlsx', 'csv'] as const) {
      const e = await fileError(PNG, declared);
      expect(e.problem).toBe('not_spreadsheet');
      expect(e.message).toBe('the file is a PNG image, not an XLSX or CSV spreadsheet');
    }
  });

  it('refuses random bytes, Word documents, HTML and empty files', async () => {
    const random = Buffer.from(Array.from({ length: 256 }, (_, i) => (i * 37) % 256));
    expect((await fileError(random)).problem).toBe('not_spreadsheet');
    expect((await fileError(zip({ 'word/document.xml': '<w/>' }), 'xlsx')).message).toContain(
      'Word document',
    );
    expect((await fileError(Buffer.from('<html><body>x</body></html>'), 'xlsx')).message).toContain(
      'HTML',
    );
    expect((await fileError(Buffer.alloc(0), 'csv')).problem).toBe('empty');
  });

  it('refuses a ZIP whose workbook part is not a workbook', async () => {
    const e = await fileError(
      zip({ '[Content_Types].xml': 'not xml', 'xl/workbook.xml': 'garbage' }),
      'xlsx',
    );
    expect(e.problem).toBe('corrupt');
    expect(e.message).toMatch(/^the XLSX workbook cannot be read/);
  });

  it('refuses text that is not UTF-8', async () => {
    const e = await fileError(Buffer.from([0x53, 0xf4, 0x2c, 0x78, 0x0a]), 'csv');
    expect(e.problem).toBe('encoding');
    expect(e.message).toContain('CSV UTF-8');
  });

  it('says a text file named .xlsx is not a workbook when it has no import columns', async () => {
    const e = await fileError(Buffer.from('hello world\n'), 'xlsx');
    expect(e.problem).toBe('not_spreadsheet');
    expect((await fileError(Buffer.from('hello world\n'), 'csv')).problem).toBe('no_header');
  });
});
