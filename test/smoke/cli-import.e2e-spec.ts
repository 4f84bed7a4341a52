import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { buildOnce, ROOT } from '../support/child-service';
import { createTestDatabase, TestDatabase } from '../support/test-app';

const run = promisify(execFile);

describe('npm run cli -- import FILE --agency CODE', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    buildOnce();
    db = await createTestDatabase();
    const c = new Client({ connectionString: db.url });
    await c.connect();
    await c.query(
      `INSERT INTO agency (id, code, name, kind) VALUES (gen_random_uuid(), 'CLI-BYT', 'Bộ Y tế (CLI)', 'ministry')`,
    );
    await c.end();
  }, 180_000);
  afterAll(() => db.drop());

  it('imports a CSV with a progress report and says what it did', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'regcut-cli-'));
    const file = join(dir, 'quy-dinh.csv');
    const rows = [
      'Số hiệu văn bản;Loại văn bản;Cơ quan ban hành;Tên văn bản;Ngày ban hành;Ngày hiệu lực;Điều khoản;Tên quy định;Loại quy định;Lĩnh vực',
    ];
    for (let i = 1; i <= 25; i++)
      rows.push(
        `15/2018/NĐ-CP;Nghị định;Chính phủ;Nghị định về an toàn thực phẩm;02/02/2018;02/02/2018;Điều ${i};Quy định ${i};điều kiện kinh doanh;food_safety`,
      );
    writeFileSync(file, rows.join('\n'));
    const env = {
      ...process.env,
      DATABASE_URL: db.url,
      JWT_SECRET: 'x'.repeat(40),
      LOG_LEVEL: 'warn',
    };
    delete (env as Record<string, string | undefined>).REDIS_URL;
    const { stdout, stderr } = await run(
      process.execPath,
      [join(ROOT, 'dist/src/cli/main.js'), 'import', file, '--agency', 'cli-byt'],
      { env, cwd: ROOT },
    );
    expect(stdout).toMatch(/imported: 25 regulations imported for Bộ Y tế \(CLI\)/);
    expect(stderr).toMatch(/importing 25\/25 \(100%\)/);
    const c = new Client({ connectionString: db.url });
    await c.connect();
    const [{ count }] = (
      await c.query(
        `SELECT count(*)::int AS count FROM regulation r JOIN agency a ON a.id = r.agency_id WHERE a.code = 'CLI-BYT'`,
      )
    ).rows;
    await c.end();
    expect(count).toBe(25);

    await expect(
      run(
        process.execPath,
        [join(ROOT, 'dist/src/cli/main.js'), 'import', file, '--agency', 'NOPE'],
        { env, cwd: ROOT },
      ),
    ).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/no agency with code NOPE/) });
  }, 120_000);
});
