import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { buildOnce, ChildService, freePort, startChild } from '../support/child-service';
import { waitFor } from '../support/wait-for';

const PG_BIN = join('/usr/lib/postgresql', readdirSync('/usr/lib/postgresql').sort().pop()!, 'bin');
const asPostgres = (cmd: string, args: string[]) => [
  '-u',
  'postgres',
  '--',
  join(PG_BIN, cmd),
  ...args,
];

/**
 * A Postgres server of the fault suite's own (initdb in a temporary directory, a random port),
 * so the suite can stop and kill it freely. initdb and postgres refuse root: both run as the
 * `postgres` user through runuser.
 */
export class OwnPostgres {
  readonly dir = mkdtempSync(join(tmpdir(), 'regcut-faults-pg-'));
  port = 0;
  private proc?: ChildProcess;

  get url() {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  async init() {
    chownSync(this.dir, 101, 104);
    execFileSync(
      'runuser',
      asPostgres('initdb', [
        '-D',
        this.dir,
        '-A',
        'trust',
        '-U',
        'postgres',
        '--no-sync',
        '-E',
        'UTF8',
      ]),
      { stdio: 'pipe' },
    );
    this.port = await freePort();
    await this.start();
  }

  async start() {
    this.proc = spawn(
      'runuser',
      asPostgres('postgres', [
        '-D',
        this.dir,
        '-p',
        String(this.port),
        '-k',
        this.dir,
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'fsync=off',
        '-c',
        'max_connections=200',
      ]),
      { stdio: 'ignore' },
    );
    await waitFor(() => this.ready(), 30_000, 100);
  }

  async ready(): Promise<boolean> {
    const c = new Client({ connectionString: this.url, connectionTimeoutMillis: 1000 });
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

  /** Fast shutdown (SIGINT): in-flight transactions are rolled back, clients are cut. */
  async stop(signal: NodeJS.Signals = 'SIGINT') {
    if (!this.proc || this.proc.exitCode !== null) return;
    const exited = new Promise((r) => this.proc!.once('exit', r));
    execFileSync('pkill', [
      `-${signal === 'SIGKILL' ? 'KILL' : 'INT'}`,
      '-f',
      `postgres -D ${this.dir}`,
    ]);
    await exited;
  }

  async query<T = any>(sql: string, params: unknown[] = []): Promise<T[]> {
    const c = new Client({ connectionString: this.url });
    await c.connect();
    try {
      return (await c.query(sql, params)).rows;
    } finally {
      await c.end();
    }
  }

  async destroy() {
    await this.stop().catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A redis-server of the suite's own on a random port, with nothing on disk. */
export class OwnRedis {
  port = 0;
  private proc?: ChildProcess;

  get url() {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start() {
    if (!this.port) this.port = await freePort();
    this.proc = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    await waitFor(
      () => {
        try {
          return (
            execFileSync('redis-cli', ['-p', String(this.port), 'ping'])
              .toString()
              .trim() === 'PONG'
          );
        } catch {
          return false;
        }
      },
      10_000,
      50,
    );
  }

  async stop() {
    if (!this.proc || this.proc.exitCode !== null) return;
    const exited = new Promise((r) => this.proc!.once('exit', r));
    this.proc.kill('SIGKILL');
    await exited;
  }
}

/** The environment of an API or worker child process on the suite's own services. */
export function serviceEnv(pg: OwnPostgres, redis: OwnRedis, extra: Record<string, string> = {}) {
  return {
    DATABASE_URL: pg.url,
    REDIS_URL: redis.url,
    JWT_SECRET: 'fault-suite-secret-fault-suite-secret-0001',
    DEMO_DATA: 'false',
    TIMER_SWEEP_INTERVAL_MS: '500',
    LOG_LEVEL: 'error',
    ...extra,
  };
}

export { startChild };

/**
 * One API process on the suite's own Postgres and Redis, started before the file's tests (the
 * build too) and killed after them. Read `api` inside a test: it is set by then.
 */
export function apiOnOwnServices() {
  const services = {
    pg: new OwnPostgres(),
    redis: new OwnRedis(),
    api: null as unknown as ChildService,
  };
  beforeAll(async () => {
    buildOnce();
    await services.pg.init();
    await services.redis.start();
    services.api = await startChild(serviceEnv(services.pg, services.redis));
  }, 180_000);
  afterAll(async () => {
    await services.api?.stop('SIGKILL');
    await services.redis.stop();
    await services.pg.destroy();
  });
  return services;
}
