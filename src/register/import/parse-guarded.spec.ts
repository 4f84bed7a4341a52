import { SEED_SECTORS } from '../domain/regulation-fields';
import { IMPORT_COLUMNS } from './columns';
import { ImportFileError, ImportTooLargeError } from './errors';
import { parseImportFileGuarded } from './parse-guarded';

const options = { maxRows: 200_000, sectors: SEED_SECTORS };
const header = IMPORT_COLUMNS.map((c) => c.header).join(',');
const line = (i: number) =>
  `${i}/2019/NĐ-CP,Nghị định,Chính phủ,Nghị định số ${i},15/01/2019,01/03/2019,,Điều ${i},Thủ tục số ${i},Hồ sơ gồm đơn đề nghị,thủ tục hành chính,trade,`;

describe('parseImportFileGuarded', () => {
  it('parses in a worker and gives the same result shape', async () => {
    const csv = Buffer.from([header, line(1), line(2)].join('\n'));
    const result = await parseImportFileGuarded(csv, 'csv', options);
    expect(result.errors).toEqual([]);
    expect(result.totalRows).toBe(2);
    expect(result.rows[1].regulation.title).toBe('Thủ tục số 2');
  });

  it('keeps the error classes across the thread', async () => {
    await expect(parseImportFileGuarded(Buffer.from('a,b\n1,2'), 'csv', options)).rejects.toThrow(
      ImportFileError,
    );
  });

  it('ends the worker, not this process, when the parse runs out of memory', async () => {
    const lines = [header];
    for (let i = 0; i < 60_000; i++) lines.push(line(i));
    const csv = Buffer.from(lines.join('\n'));
    const onInternalError = jest.fn();
    const e = await parseImportFileGuarded(csv, 'csv', options, {
      memoryMb: 16,
      onInternalError,
    }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(ImportTooLargeError);
    expect((e as Error).message).toBe(
      'reading the file needs more memory than the import allows (16 MiB); split it into smaller files',
    );
    expect(onInternalError).not.toHaveBeenCalled();
  });
});
