import { cellBomb, lyingHeadersBomb, rowBomb } from '../../../test/support/xlsx-bombs';
import { SEED_SECTORS } from '../domain/regulation-fields';
import { ImportFileError, ImportTooLargeError } from './errors';
import { listZipEntries } from './format';
import { parseImportFile } from './parse-import';

const options = { maxRows: 1000, sectors: SEED_SECTORS };

/** What a parse throws, for assertions on the class and the message. */
async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected the parse to fail');
}

describe('streaming XLSX reader: bombs stop while reading', () => {
  it('stops a row bomb at the row limit without unpacking the rest', async () => {
    const bomb = await rowBomb(600_000); // ~16 MB unpacked
    const before = process.memoryUsage().rss;
    const e = await failure(parseImportFile(bomb, 'xlsx', options));
    expect(e).toBeInstanceOf(ImportTooLargeError);
    expect((e as ImportTooLargeError).unit).toBe('rows');
    // Only the first rows were ever materialised.
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('refuses a cell over the cell budget, naming the problem, not the library', async () => {
    const e = await failure(parseImportFile(await cellBomb(8 * 1024 * 1024), 'xlsx', options));
    expect(e).toBeInstanceOf(ImportTooLargeError);
    expect(e.message).toBe(
      'a cell is larger than the import allows (131072 characters); split the file into smaller ones',
    );
  });

  it('counts the bytes as they flow when the headers lie about the sizes', async () => {
    const bomb = await lyingHeadersBomb(24 * 1024 * 1024);
    const e = await failure(
      parseImportFile(bomb, 'xlsx', { ...options, maxUncompressedBytes: 8 * 1024 * 1024 }),
    );
    expect(e).toBeInstanceOf(ImportTooLargeError);
    expect(e.message).toContain('the unpacked workbook is larger than the import allows');
  });

  it('bounds a sheet by its own budget', async () => {
    const bomb = await lyingHeadersBomb(4 * 1024 * 1024);
    const e = await failure(
      parseImportFile(bomb, 'xlsx', { ...options, budgets: { sheetBytes: 1024 * 1024 } }),
    );
    expect(e.message).toContain('the sheet "Quy định" is larger than the import allows');
  });

  it('says the workbook is damaged without zlib text when the deflate data is broken', async () => {
    const bomb = await rowBomb(10_000);
    // Garble the start of the sheet's compressed bytes.
    const broken = Buffer.from(bomb);
    const sheet = listZipEntries(bomb).find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    const data = sheet.localHeaderOffset + 30 + sheet.name.length;
    for (let i = data; i < data + 64; i++) broken[i] = 0xff;
    const e = await failure(parseImportFile(broken, 'xlsx', options));
    expect(e).toBeInstanceOf(ImportFileError);
    expect(e.message).toMatch(/^the XLSX workbook cannot be read; it is damaged/);
    expect(e.message).not.toMatch(/invalid|distance|zlib|header check/i);
  });

  it('refuses a CSV cell over the cell budget', async () => {
    const header = 'Số hiệu văn bản,Loại văn bản\n';
    const csv = Buffer.from(header + '"' + 'x'.repeat(300_000) + '",a\n');
    const e = await failure(parseImportFile(csv, 'csv', options));
    expect(e).toBeInstanceOf(ImportTooLargeError);
    expect(e.message).toContain('more than 131072 characters');
  });
});
