import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { ImportsService } from '../src/register/imports/imports.service';
import { initialSnapshot, stateOf } from '../src/workflow/domain';
import { appContext, BenchFigures, BenchOptions, freshDatabase, round } from './lib/context';

const HEADER =
  'Số hiệu văn bản,Loại văn bản,Cơ quan ban hành,Tên văn bản,Ngày ban hành,Ngày hiệu lực,Điều khoản,Tên quy định,Mô tả,Loại quy định,Lĩnh vực,Mã TTHC';

/**
 * B3: CSV import rows/s through the application's import path (parse, validate, write in one
 * transaction) against Postgres `COPY` of the same rows into the same table, in the same run.
 */
export async function runB3(opts: BenchOptions): Promise<BenchFigures> {
  const rows = opts.quick ? 20_000 : 100_000;
  const docs = Math.max(1, Math.floor(rows / 50));
  const lines = [HEADER];
  for (let i = 0; i < rows; i++) {
    const d = i % docs;
    lines.push(
      `${d + 1}/2019/NĐ-CP,Nghị định,Chính phủ,Nghị định số ${d + 1} quy định điều kiện kinh doanh,15/01/2019,01/03/2019,Điều ${(i % 90) + 1} khoản ${(i % 7) + 1},Thủ tục cấp phép số ${i},Hồ sơ gồm đơn đề nghị và giấy tờ chứng minh,thủ tục hành chính,trade,`,
    );
  }
  const csv = Buffer.from(lines.join('\n'));
  const db = await freshDatabase('b3');
  const dir = mkdtempSync(join(tmpdir(), 'regcut-b3-'));
  try {
    const admin = new Client({ connectionString: db.url });
    await admin.connect();
    const agencyId = randomUUID();
    await admin.query(
      `INSERT INTO agency (id, code, name, kind) VALUES ($1, 'BENCH', 'Bộ Thử nghiệm', 'ministry')`,
      [agencyId],
    );

    const app = await appContext(db.url);
    const started = performance.now();
    const outcome = await app
      .get(ImportsService)
      .importBuffer(csv, { agencyId, userId: null, validRowsOnly: false, format: 'csv' });
    const importMs = performance.now() - started;
    await app.close();
    if (outcome.outcome !== 'imported' || outcome.imported !== rows)
      throw new Error(
        `B3 import failed: ${JSON.stringify({ ...outcome, errors: outcome.errors.slice(0, 3) })}`,
      );

    // The same rows (same documents, same columns) written by COPY into the same table.
    const [{ id: docId }] = (await admin.query(`SELECT id FROM legal_document LIMIT 1`)).rows;
    const snapshot = initialSnapshot(new Date().toISOString());
    const { state, stateName } = stateOf(snapshot);
    const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');
    const tsv: string[] = [];
    for (let i = 0; i < rows; i++) {
      tsv.push(
        [
          randomUUID(),
          docId,
          `Điều ${(i % 90) + 1}`,
          `Thủ tục cấp phép số ${i}`,
          'Hồ sơ gồm đơn đề nghị và giấy tờ chứng minh',
          'administrative_procedure',
          'trade',
          agencyId,
          '\\N',
          '{}',
          esc(`Thủ tục cấp phép số ${i}\nNghị định ${i}/2019/NĐ-CP`),
          esc(JSON.stringify(snapshot)),
          String(snapshot.machineVersion),
          esc(JSON.stringify(state)),
          stateName,
        ].join('\t'),
      );
    }
    const file = join(dir, 'rows.tsv');
    writeFileSync(file, tsv.join('\n') + '\n');
    const copyStarted = performance.now();
    execFileSync('psql', [
      db.url,
      '-q',
      '-v',
      'ON_ERROR_STOP=1',
      '-c',
      `\\copy regulation (id, legal_document_id, provision, title, description, category, sector_code, agency_id, procedure_code, subject_types, search_text, workflow_snapshot, machine_version, state, state_name) FROM '${file}'`,
    ]);
    const copyMs = performance.now() - copyStarted;
    await admin.end();

    const importRate = rows / (importMs / 1000);
    const copyRate = rows / (copyMs / 1000);
    const ratio = importRate / copyRate;
    return {
      id: 'B3',
      figures: {
        rows,
        import_rows_per_s: Math.round(importRate),
        copy_rows_per_s: Math.round(copyRate),
        ratio: round(ratio),
      },
      target: { description: 'import >= 0.25 x COPY', met: ratio >= 0.25 },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
  }
}
