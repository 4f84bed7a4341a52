import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Client } from 'pg';
import Redis from 'ioredis';
import { runMigrations } from '../../src/database/migrate';
import { testEnvFile, TestEnvironment, withDatabase } from './test-env';

const ADMIN_URL =
  process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function postgresReachable(): Promise<boolean> {
  const c = new Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

async function redisReachable(): Promise<boolean> {
  const r = new Redis(REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 2000,
    retryStrategy: () => null,
  });
  try {
    await r.connect();
    return (await r.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    r.disconnect();
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Runs once per `npm test`, outside jest's sandbox: on real Postgres it migrates a template
 * database that each test file copies (cheap and isolated); without Postgres it starts one
 * embedded PGlite shared by the run. With CI=true both Postgres and Redis are required.
 */
export default async function globalSetup() {
  const run = `${process.pid}_${randomBytes(3).toString('hex')}`;
  process.env.REGCUT_TEST_RUN = run;
  const ci = process.env.CI === 'true' || process.env.CI === '1';
  const [pg, redis] = await Promise.all([postgresReachable(), redisReachable()]);
  const missing = [!pg && `Postgres (${ADMIN_URL})`, !redis && `Redis (${REDIS_URL})`].filter(
    Boolean,
  );
  if (missing.length && ci) {
    throw new Error(
      `CI=true but ${missing.join(' and ')} cannot be reached: the tests need the real services`,
    );
  }
  if (missing.length) {
    console.warn(
      `\n[regcut tests] ${missing.join(' and ')} unreachable: ` +
        `${pg ? '' : 'using embedded PGlite; '}${redis ? '' : 'Redis tests use the in-process driver; '}` +
        'CI=true would fail here.\n',
    );
  }

  const env: TestEnvironment = {
    dbMode: pg ? 'postgres' : 'embedded',
    redisUrl: redis ? REDIS_URL : undefined,
  };
  if (pg) {
    const templateDb = `regcut_tpl_${run}`;
    const admin = new Client({ connectionString: ADMIN_URL });
    await admin.connect();
    // Leftovers of interrupted runs: only those whose jest process is gone (others may be running).
    const stale = await admin.query(
      `SELECT datname FROM pg_database WHERE datname LIKE 'regcut\\_t%'`,
    );
    for (const { datname } of stale.rows) {
      const pid = Number(
        /^regcut_t(?:pl)?_(\d+)_/.exec(datname)?.[1] ?? /_(\d+)_[0-9a-f]{6}/.exec(datname)?.[1],
      );
      if (pid && isAlive(pid)) continue;
      await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => undefined);
    }
    await admin.query(`CREATE DATABASE "${templateDb}"`);
    await admin.end();
    await runMigrations(withDatabase(ADMIN_URL, templateDb));
    env.adminUrl = ADMIN_URL;
    env.templateDb = templateDb;
  } else {
    const { startEmbeddedPostgres } = await import('../../src/database/embedded-postgres');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const embedded = await startEmbeddedPostgres(
      mkdtempSync(join(tmpdir(), 'regcut-test-pglite-')),
    );
    await runMigrations(embedded.url);
    (globalThis as any).__REGCUT_EMBEDDED__ = embedded;
    env.sharedUrl = embedded.url;
  }
  writeFileSync(testEnvFile(), JSON.stringify(env));
  (globalThis as any).__REGCUT_TEST_ENV__ = env;
}
