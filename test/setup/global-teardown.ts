import { rmSync } from 'node:fs';
import { Client } from 'pg';
import { testEnvFile, TestEnvironment } from './test-env';

export default async function globalTeardown() {
  const env: TestEnvironment | undefined = (globalThis as any).__REGCUT_TEST_ENV__;
  if (env?.adminUrl && env.templateDb) {
    const admin = new Client({ connectionString: env.adminUrl });
    await admin.connect();
    const dbs = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
      `regcut\\_t%${process.env.REGCUT_TEST_RUN}%`,
    ]);
    for (const { datname } of dbs.rows) {
      await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => undefined);
    }
    await admin.end();
  }
  await (globalThis as any).__REGCUT_EMBEDDED__?.stop();
  rmSync(testEnvFile(), { force: true });
}
