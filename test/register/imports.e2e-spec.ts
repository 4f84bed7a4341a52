import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { listZipEntries } from '../../src/register/import/format';
import { IMPORT_INTERNAL_ERROR, ImportsService } from '../../src/register/imports/imports.service';
import { createUser, TestUser } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';

// Each import parses in a worker thread; on a loaded CI machine one job has taken over 20 s.
jest.setTimeout(90_000);

const HEADER =
  'Số hiệu văn bản,Loại văn bản,Cơ quan ban hành,Tên văn bản,Ngày ban hành,Ngày hiệu lực,Điều khoản,Tên quy định,Mô tả,Loại quy định,Lĩnh vực,Mã TTHC';
/** The files of an XLSX archive by name (small test files only). */
function unzipSync(buffer: Buffer): Record<string, Buffer> {
  const files: Record<string, Buffer> = {};
  for (const e of listZipEntries(buffer)) {
    const at = e.localHeaderOffset;
    const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
    const raw = buffer.subarray(start, start + e.compressedSize);
    files[e.name] = e.method === 8 ? inflateRawSync(raw) : Buffer.from(raw);
  }
  return files;
}
const ORDINALS: Record<number, string> = { 1: 'nhất', 2: 'hai', 3: 'ba' };
const row = (n: number, over: Partial<Record<'number' | 'category' | 'issued', string>> = {}) =>
  [
    over.number ?? '15/2018/NĐ-CP',
    'Nghị định',
    'Chính phủ',
    'Nghị định quy định chi tiết một số điều của Luật An toàn thực phẩm',
    over.issued ?? '02/02/2018',
    '02/02/2018',
    `Điều ${n}`,
    `"Thủ tục thứ ${ORDINALS[n] ?? n}, tự công bố"`,
    'Mô tả',
    over.category ?? 'thủ tục hành chính',
    'food_safety',
    '',
  ].join(',');

describe('bulk import of regulations (XLSX and CSV, as a background job)', () => {
  let t: TestApp;
  let officer: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    officer = await createUser(t, 'ministry_officer');
  });
  afterAll(() => t.close());

  const upload = (content: Buffer | string, name: string, query = '') =>
    t.http
      .post(`/imports${query}`)
      .set('Authorization', officer.auth)
      .attach('file', Buffer.from(content), name);
  const finished = async (jobId: string, user: TestUser = officer, http = t.http) => {
    let job: any;
    await waitFor(async () => {
      job = (await http.get(`/jobs/${jobId}`).set('Authorization', user.auth).expect(200)).body;
      return job.status === 'succeeded' || job.status === 'failed';
    }, 60_000);
    return job;
  };
  const download = async (path: string): Promise<Buffer> =>
    (
      await t.http
        .get(path)
        .set('Authorization', officer.auth)
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        })
        .expect(200)
    ).body as Buffer;
  const sheetOf = async (buffer: Buffer) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    return wb.worksheets[0];
  };
  const count = async () =>
    Number(
      (
        await t.dataSource.query(`SELECT count(*) FROM regulation WHERE agency_id = $1`, [
          officer.agencyId,
        ])
      )[0].count,
    );

  it('imports a valid CSV: documents shared between rows, regulations in draft, with progress', async () => {
    const before = await count();
    const csv = [HEADER, row(1), row(2), row(3)].join('\r\n');
    const res = await upload(csv, 'quy-dinh.csv').expect(202);
    const job = await finished(res.body.jobId);
    expect(job).toMatchObject({
      status: 'succeeded',
      progress: { done: 3, total: 3 },
      result: { outcome: 'imported', imported: 3, documentsCreated: 1, errorCount: 0 },
    });
    expect(await count()).toBe(before + 3);
    const list = await t.http
      .get('/regulations')
      .query({ search: 'cong bo THU TUC thu hai', agencyId: officer.agencyId })
      .set('Authorization', officer.auth)
      .expect(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({
      stateName: 'draft',
      title: 'Thủ tục thứ hai, tự công bố',
      legalDocument: { number: '15/2018/NĐ-CP' },
    });
  });

  it('imports nothing from a file with errors, and reports row, column and message', async () => {
    const before = await count();
    const csv = [
      HEADER,
      row(10),
      row(11, { category: 'không rõ' }),
      row(12, { number: 'abc' }),
    ].join('\n');
    const res = await upload(csv, 'loi.csv').expect(202);
    const job = await finished(res.body.jobId);
    expect(job.result).toMatchObject({
      outcome: 'rejected',
      imported: 0,
      totalRows: 3,
      invalidRows: 2,
    });
    expect(job.result.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, column: 'Loại quy định' }),
        expect.objectContaining({ row: 4, column: 'Số hiệu văn bản' }),
      ]),
    );
    expect(await count()).toBe(before);
    const sheet = await sheetOf(await download(`/imports/${res.body.jobId}/errors.xlsx`));
    expect(sheet.getRow(1).values).toEqual([undefined, 'Dòng', 'Cột', 'Lỗi']);
    expect(sheet.rowCount).toBe(1 + job.result.errorCount);
    // The workbook is in Vietnamese (issue 16): the catalogue's text of each row's message.
    const lines = new Map<number, string>();
    for (let r = 2; r <= sheet.rowCount; r++)
      lines.set(Number(sheet.getRow(r).getCell(1).value), String(sheet.getRow(r).getCell(3).value));
    expect(lines.get(3)).toMatch(
      /^nhóm quy định "không rõ" không có trong danh mục; hãy dùng một trong: /,
    );
    expect(lines.get(4)).toMatch(/^phải bắt đầu bằng số thứ tự: số hiệu nghị định có dạng /);

    const partial = await upload(csv, 'loi.csv', '?validRowsOnly=true').expect(202);
    const partialJob = await finished(partial.body.jobId);
    expect(partialJob.result).toMatchObject({ outcome: 'imported', imported: 1 });
    expect(await count()).toBe(before + 1);
  });

  it('imports an XLSX file written by a spreadsheet program', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Quy định');
    ws.addRow(HEADER.split(','));
    ws.addRow([
      '01/2020/TT-BYT',
      'Thông tư',
      'Bộ Y tế',
      'Thông tư quy định về hồ sơ',
      new Date(Date.UTC(2020, 0, 6)),
      new Date(Date.UTC(2020, 1, 20)),
      'Điều 5',
      'Hồ sơ đề nghị cấp phép',
      '',
      'business_condition',
      'health',
      '1.003348',
    ]);
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await upload(buffer, 'quy-dinh.xlsx').expect(202);
    const job = await finished(res.body.jobId);
    expect(job.result).toMatchObject({ outcome: 'imported', imported: 1 });
    const docs = await t.http
      .get('/legal-documents')
      .query({ search: '01/2020/TT-BYT' })
      .expect(200);
    expect(docs.body.items[0]).toMatchObject({
      number: '01/2020/TT-BYT',
      issuedOn: '2020-01-06',
      effectiveOn: '2020-02-20',
      type: 'circular',
    });
  });

  it('refuses a file that is not a spreadsheet (400), a missing file (400) and an oversized one (413)', async () => {
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(100),
    ]);
    const res = await upload(png, 'bang.xlsx').expect(400);
    expect(res.body.errors[0].field).toBe('file');
    await t.http.post('/imports').set('Authorization', officer.auth).expect(400);
    await upload(Buffer.alloc(21 * 1024 * 1024, 0x41), 'big.csv').expect(413);
  });

  it('fails the job of a file without the required columns, saying why, also in errors.xlsx', async () => {
    const res = await upload('STT,Ghi chú\n1,abc\n', 'cot.csv').expect(202);
    const job = await finished(res.body.jobId);
    expect(job.status).toBe('failed');
    expect(job.result).toMatchObject({ outcome: 'unreadable', httpStatus: 400, imported: 0 });
    expect(job.result.message).toMatch(/Số hiệu văn bản/);
    expect(job.error).toBe(job.result.message);
    // The job's reason in Vietnamese by default, in English on request (issue 16).
    expect(job.result.message).toMatch(/^không tìm thấy dòng tiêu đề/);
    const en = await t.http
      .get(`/jobs/${res.body.jobId}`)
      .set('Authorization', officer.auth)
      .set('Accept-Language', 'en')
      .expect(200);
    expect(en.body.error).toMatch(/^no header row found; the first row must name the columns/);
    const sheet = await sheetOf(await download(`/imports/${res.body.jobId}/errors.xlsx`));
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(2).value).toBe('Tệp');
    // The job keeps the English text; the workbook says it in Vietnamese.
    expect(sheet.getRow(2).getCell(3).value).toMatch(
      /^không tìm thấy dòng tiêu đề; dòng đầu tiên phải ghi tên các cột, ví dụ "Số hiệu văn bản", .* \(hãy tải tệp mẫu\)$/,
    );
  });

  it('reports the total as done once a job has finished, also with a one-connection pool', async () => {
    // The embedded database has one connection: the write phase then records no progress.
    const single = await createTestApp({ database: t.database, env: { DB_POOL_SIZE: '1' } });
    try {
      const csv = [
        HEADER,
        row(1, { number: '21/2018/NĐ-CP' }),
        row(2, { number: '21/2018/NĐ-CP' }),
      ];
      const res = await single.http
        .post('/imports')
        .set('Authorization', officer.auth)
        .attach('file', Buffer.from(csv.join('\r\n')), 'tien-do.csv')
        .expect(202);
      const job = await finished(res.body.jobId, officer, single.http);
      expect(job).toMatchObject({
        status: 'succeeded',
        progress: { done: 2, total: 2 },
        result: { imported: 2 },
      });
    } finally {
      await single.close({ keepDatabase: true });
    }
  });

  describe('files re-saved by other spreadsheet tools (fixtures: test/register/fixtures)', () => {
    it.each([
      ['openpyxl-notes.xlsx', 'the old template with header comments, re-saved by openpyxl'],
      ['openpyxl.xlsx', 'the template re-saved by openpyxl'],
      ['libreoffice.xlsx', 'the template converted by LibreOffice'],
    ])('imports %s (%s)', async (name) => {
      // Each file holds the same two regulations: each goes to an agency of its own.
      const own = await createUser(t, 'ministry_officer');
      const res = await t.http
        .post('/imports')
        .set('Authorization', own.auth)
        .attach('file', readFileSync(join(__dirname, 'fixtures', name)), name)
        .expect(202);
      const job = await finished(res.body.jobId, own);
      expect(job).toMatchObject({
        status: 'succeeded',
        progress: { done: 2, total: 2 },
        result: { outcome: 'imported', imported: 2, errorCount: 0 },
      });
      const list = await t.http
        .get('/regulations')
        .query({ agencyId: own.agencyId })
        .set('Authorization', own.auth)
        .expect(200);
      expect(list.body.items.map((r: any) => r.title).sort()).toEqual(
        expect.arrayContaining([expect.stringMatching(/^Thủ tục tự công bố sản phẩm/)]),
      );
      expect(list.body.items).toHaveLength(2);
    });

    it('keeps the dropdowns and input messages through both re-saves', () => {
      for (const name of ['openpyxl.xlsx', 'libreoffice.xlsx']) {
        const files = unzipSync(readFileSync(join(__dirname, 'fixtures', name)));
        const sheet1 = Buffer.from(files['xl/worksheets/sheet1.xml']).toString('utf8');
        // Type (B), category (K) and sector (L) are lists of the instructions sheet's names.
        for (const col of ['B', 'K', 'L'])
          expect(sheet1).toMatch(
            new RegExp(
              `sqref="${col}2:${col}\\d+"[^>]*type="list"|type="list"[^>]*sqref="${col}2:${col}\\d+"`,
            ),
          );
        expect(sheet1).toMatch(/showInputMessage="(1|true)"/);
      }
    });
  });

  it('serves the template with dropdowns and notes as input messages, and its example off the data sheet', async () => {
    const wb = new ExcelJS.Workbook();
    const buffer = await download('/imports/template.xlsx');
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    const data = wb.getWorksheet('Quy định')!;
    const help = wb.getWorksheet('Hướng dẫn')!;
    // No cell comments: other tools drop or break them on a re-save.
    expect(Object.keys(unzipSync(buffer)).filter((f) => /comments/.test(f))).toEqual([]);
    const headers = (data.getRow(1).values as unknown[]).slice(1);
    const listOf = (header: string) => {
      const v = data.getCell(2, headers.indexOf(header) + 1).dataValidation;
      expect(v).toMatchObject({ type: 'list', showInputMessage: true });
      // "'Hướng dẫn'!$B$23:$B$31" → the names in that range of the instructions sheet.
      const [, from, to] = /\$B\$(\d+):\$B\$(\d+)$/.exec(String(v.formulae![0]))!;
      const names: unknown[] = [];
      for (let r = Number(from); r <= Number(to); r++) names.push(help.getCell(r, 2).value);
      return names;
    };
    expect(listOf('Loại văn bản')).toEqual(expect.arrayContaining(['Nghị định', 'Thông tư']));
    expect(listOf('Loại quy định')).toEqual(expect.arrayContaining(['thủ tục hành chính']));
    expect(listOf('Lĩnh vực')).toHaveLength(
      (await t.dataSource.query(`SELECT 1 FROM sector WHERE active`)).length,
    );
    expect(data.getCell(1, 1).dataValidation).toMatchObject({
      showInputMessage: true,
      prompt: expect.stringMatching(/^Bắt buộc\. /),
    });
    // The example row is on the instructions sheet only: the data sheet has just its header.
    expect(data.actualRowCount).toBe(1);
    const example: string[] = [];
    help.eachRow((r) => {
      if (r.getCell(1).value === '15/2018/NĐ-CP') example.push(String(r.getCell(9).value));
    });
    expect(example).toEqual(['Thủ tục tự công bố sản phẩm']);
    // Uploaded untouched, the template imports nothing.
    const res = await upload(buffer, 'mau.xlsx').expect(202);
    const job = await finished(res.body.jobId);
    expect(job.result).toMatchObject({ imported: 0, totalRows: 0 });
  });

  it('serves the template, whose headers import back', async () => {
    const res = await t.http
      .get('/imports/template.xlsx')
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    expect(wb.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(['Quy định', 'Hướng dẫn']),
    );
  });

  it("lets the lead of the officer's agency follow the import job, and no other agency's lead", async () => {
    const res = await upload([HEADER, row(1, { number: '77/2018/NĐ-CP' })].join('\r\n'), 'a.csv');
    const jobId = res.body.jobId;
    await finished(jobId);
    const lead = await createUser(t, 'ministry_lead', officer.agencyId);
    const otherLead = await createUser(t, 'ministry_lead');
    const colleague = await createUser(t, 'ministry_officer', officer.agencyId);
    const view = await t.http.get(`/jobs/${jobId}`).set('Authorization', lead.auth).expect(200);
    expect(view.body).toMatchObject({ id: jobId, status: 'succeeded', agencyId: officer.agencyId });
    await t.http.get(`/jobs/${jobId}`).set('Authorization', otherLead.auth).expect(404);
    // A fellow officer is not the lead: still the creator's own job.
    await t.http.get(`/jobs/${jobId}`).set('Authorization', colleague.auth).expect(404);
  });

  it('fails a job on an internal error with a message for the user, not the internal text', async () => {
    const run = t.app.get(ImportsService).run({
      id: '00000000-0000-4000-8000-000000000001',
      payload: { uploadId: '00000000-0000-4000-8000-000000000002' },
      createdBy: null,
      progress: async () => undefined,
    });
    await expect(run).rejects.toThrow(IMPORT_INTERNAL_ERROR);
  });
});
