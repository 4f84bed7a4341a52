import 'reflect-metadata';
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { JwtService } from '@nestjs/jwt';
import { Client } from 'pg';
import { initialSnapshot, stateOf } from '../src/workflow/domain';
import { Principal } from '../src/identity/domain/principal';
import { WorkflowService } from '../src/workflow/workflow.service';
import {
  ADMIN_URL,
  appContext,
  BenchFigures,
  BenchOptions,
  freshDatabase,
  print,
  round,
} from './lib/context';

const run = promisify(execFile);
const CLIENTS = 16;
const JWT_SECRET = 'bench-secret-bench-secret-bench-secret-00';

/**
 * B1: workflow events over HTTP — `POST /regulations/:id/events` by 16 concurrent clients, each on
 * regulations of its own (SUBMIT_FOR_REVIEW then COMPLETE_REVIEW on each: lock, facts, engine,
 * compare-and-set, hash-chained history, outbox), against `pgbench -N` with 16 clients on the
 * same Postgres in the same run. The service runs in its own process, as in production.
 * Target: ≥ 0.5 × pgbench TPS and p99 < 50 ms. Also printed: how many authenticated `GET /me`
 * (one query, no workflow) the same server answers — the ceiling set by HTTP, auth and logging —
 * and the same events sent through WorkflowService in-process, the workflow's own throughput.
 */
export async function runB1(opts: BenchOptions): Promise<BenchFigures> {
  const seconds = opts.quick ? 5 : 15;
  const warmup = opts.quick ? 1 : 3;
  // Enough regulations that no client runs out (2 events each).
  const perClient = opts.quick ? 4_000 : 10_000;
  const db = await freshDatabase('b1');
  const c = new Client({ connectionString: db.url });
  await c.connect();
  let server: ChildProcess | undefined;
  try {
    // The first half for HTTP, the second for the service called in-process.
    const { userId, agencyId, ids } = await seed(c, 2 * perClient * CLIENTS);
    const { port, child } = await startServer(db.url);
    server = child;
    const token = new JwtService({ secret: JWT_SECRET }).sign(
      { sub: userId, ver: 1 },
      { expiresIn: 3600 },
    );

    const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
    // The ceiling the framework and authentication set: an authenticated GET /me (one query).
    const meStarted = performance.now();
    let meCount = 0;
    let meStop = false;
    const meClients = Array.from({ length: CLIENTS }, async () => {
      while (!meStop) {
        if ((await get(agent, port, '/me', token)) !== 200) throw new Error('B1: GET /me failed');
        meCount++;
      }
    });
    await sleep(warmup * 1000);
    meStop = true;
    await Promise.all(meClients);
    const mePerSecond = meCount / ((performance.now() - meStarted) / 1000);

    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    let measuring = false;
    let stop = false;
    let accepted = 0;
    const client = async (k: number) => {
      const mine = ids.slice(k * perClient, (k + 1) * perClient);
      for (const id of mine) {
        for (const body of [
          { type: 'SUBMIT_FOR_REVIEW' },
          { type: 'COMPLETE_REVIEW', necessary: true, legal: true, reasonable: false },
        ]) {
          if (stop) return;
          const t0 = performance.now();
          const status = await post(agent, port, `/regulations/${id}/events`, token, body);
          const ms = performance.now() - t0;
          if (status === 200) accepted++;
          if (measuring) {
            latencies.push(ms);
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
          }
        }
      }
      throw new Error(`client ${k} ran out of regulations; raise perClient`);
    };
    const clients = Array.from({ length: CLIENTS }, (_, k) => client(k));
    await sleep(warmup * 1000);
    measuring = true;
    const started = performance.now();
    await sleep(seconds * 1000);
    measuring = false;
    const elapsed = (performance.now() - started) / 1000;
    stop = true;
    await Promise.all(clients);
    agent.destroy();

    // Every accepted event left exactly one history entry, and every chain head is consistent.
    const [{ n: history }] = (await c.query(`SELECT count(*)::int AS n FROM workflow_history`))
      .rows;
    if (history !== accepted) throw new Error(`B1: ${accepted} accepted but ${history} entries`);
    const ok = statuses.get(200) ?? 0;
    const failures = [...statuses.entries()].filter(([s]) => s !== 200);
    if (failures.length) throw new Error(`B1: non-200 answers ${JSON.stringify(failures)}`);

    // The same events through WorkflowService in-process (no HTTP, no auth): the workflow's own
    // cost (engine, lock, history, outbox), in the same database.
    // The API's peak resident memory under that load (the kernel's high-water mark).
    const rssMb = peakRssMb(server.pid);
    server.kill('SIGTERM');
    server = undefined;
    const service = await serviceThroughput(
      db.url,
      seconds,
      warmup,
      {
        kind: 'user',
        id: userId,
        userId,
        role: 'ministry_officer',
        agencyId,
        agencyKind: 'ministry',
        readOnly: false,
      },
      ids.slice(perClient * CLIENTS),
      perClient,
    );

    const pgbench = await runPgbench(seconds);
    const tps = ok / elapsed;
    latencies.sort((a, b) => a - b);
    const pct = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
    const ratio = tps / pgbench;
    return {
      id: 'B1',
      figures: {
        clients: CLIENTS,
        seconds,
        events: ok,
        events_per_s: Math.round(tps),
        p50_ms: round(pct(0.5)),
        p99_ms: round(pct(0.99)),
        pgbench_n_tps: Math.round(pgbench),
        ratio: round(ratio),
        get_me_per_s: Math.round(mePerSecond),
        service_events_per_s: Math.round(service.perSecond),
        service_p99_ms: round(service.p99),
        rss_mb: rssMb,
      },
      target: {
        description: '>= 0.5 x pgbench -N TPS and p99 < 50 ms',
        met: ratio >= 0.5 && pct(0.99) < 50,
      },
    };
  } finally {
    server?.kill('SIGTERM');
    await c.end();
    await db.drop();
  }
}

function peakRssMb(pid: number | undefined): number {
  if (!pid) return -1;
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? -1024);
  return Math.round(kb / 1024);
}

/** One ministry, one officer, N draft regulations (written as the register writes them). */
async function seed(
  c: Client,
  n: number,
): Promise<{ userId: string; agencyId: string; ids: string[] }> {
  const agencyId = randomUUID();
  const userId = randomUUID();
  const docId = randomUUID();
  await c.query(
    `INSERT INTO agency (id, code, name, kind) VALUES ($1, 'BENCH', 'Bộ Thử nghiệm', 'ministry')`,
    [agencyId],
  );
  await c.query(
    `INSERT INTO app_user (id, email, full_name, role, agency_id, password_hash)
     VALUES ($1, 'officer@bench.regcut.vn', 'Chuyên viên', 'ministry_officer', $2, 'x')`,
    [userId, agencyId],
  );
  await c.query(
    `INSERT INTO legal_document (id, number, type, issuer, title, issued_on, effective_on)
     VALUES ($1, '15/2018/NĐ-CP', 'decree', 'Chính phủ', 'Nghị định thử nghiệm', '2018-02-02', '2018-02-02')`,
    [docId],
  );
  const snapshot = initialSnapshot(new Date().toISOString());
  const { state, stateName } = stateOf(snapshot);
  const { rows } = await c.query(
    `INSERT INTO regulation (id, legal_document_id, provision, title, category, sector_code, agency_id,
       workflow_snapshot, machine_version, state, state_name)
     SELECT gen_random_uuid(), $1, 'Điều ' || g, 'Quy định ' || g, 'administrative_procedure', 'trade',
       $2, $3::jsonb, $4, $5::jsonb, $6
     FROM generate_series(1, $7) g RETURNING id`,
    [
      docId,
      agencyId,
      JSON.stringify(snapshot),
      snapshot.machineVersion,
      JSON.stringify(state),
      stateName,
      n,
    ],
  );
  await c.query(`VACUUM ANALYZE regulation`);
  return { userId, agencyId, ids: rows.map((r: { id: string }) => r.id) };
}

async function serviceThroughput(
  url: string,
  seconds: number,
  warmup: number,
  principal: Principal,
  ids: string[],
  perClient: number,
): Promise<{ perSecond: number; p99: number }> {
  const app = await appContext(url, { DB_POOL_SIZE: String(CLIENTS + 4) });
  const workflow = app.get(WorkflowService);
  const latencies: number[] = [];
  let measuring = false;
  let stop = false;
  let count = 0;
  const clients = Array.from({ length: CLIENTS }, async (_, k) => {
    for (const id of ids.slice(k * perClient, (k + 1) * perClient)) {
      for (const body of [
        { type: 'SUBMIT_FOR_REVIEW' },
        { type: 'COMPLETE_REVIEW', necessary: true, legal: true, reasonable: false },
      ]) {
        if (stop) return;
        const t0 = performance.now();
        await workflow.send(principal, id, body);
        if (measuring) {
          latencies.push(performance.now() - t0);
          count++;
        }
      }
    }
    throw new Error(`service client ${k} ran out of regulations; raise perClient`);
  });
  await sleep(warmup * 1000);
  measuring = true;
  const started = performance.now();
  await sleep(seconds * 1000);
  measuring = false;
  const elapsed = (performance.now() - started) / 1000;
  stop = true;
  await Promise.all(clients);
  await app.close();
  latencies.sort((a, b) => a - b);
  return {
    perSecond: count / elapsed,
    p99: latencies[Math.min(latencies.length - 1, Math.floor(0.99 * latencies.length))],
  };
}

/** The built service (`node dist/src/main.js`), as production runs it, on a free port. */
async function startServer(url: string): Promise<{ port: number; child: ChildProcess }> {
  execFileSync(process.execPath, [join(__dirname, '..', 'scripts', 'build-if-needed.js')], {
    stdio: 'inherit',
  });
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const p = (probe.address() as { port: number }).port;
      probe.close(() => resolve(p));
    });
  });
  const child = spawn(process.execPath, [join(__dirname, '..', 'dist', 'src', 'main.js')], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      DATABASE_URL: url,
      JWT_SECRET,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      DEMO_DATA: 'false',
      DB_POOL_SIZE: String(CLIENTS + 4),
      REDIS_URL: '',
    },
  });
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health/ready`)).status === 200)
        return { port, child };
    } catch {
      /* not up yet */
    }
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error('B1: the service did not become ready');
}

function get(agent: Agent, port: number, path: string, token: string) {
  return new Promise<number>((resolve, reject) => {
    const req = request(
      { agent, host: '127.0.0.1', port, path, headers: { authorization: `Bearer ${token}` } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

function post(agent: Agent, port: number, path: string, token: string, body: unknown) {
  const payload = JSON.stringify(body);
  return new Promise<number>((resolve, reject) => {
    const req = request(
      {
        agent,
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** pgbench -N (no updates to the small tables), 16 clients, on the same server, same duration. */
async function runPgbench(seconds: number): Promise<number> {
  const db = await freshDatabase('b1_pgbench');
  const u = new URL(db.url);
  const args = [
    '-h',
    u.hostname,
    '-p',
    u.port || '5432',
    '-U',
    decodeURIComponent(u.username || 'postgres'),
  ];
  const env = { ...process.env, PGPASSWORD: decodeURIComponent(u.password) };
  const name = u.pathname.slice(1);
  try {
    await run('pgbench', [...args, '-i', '-q', '-s', String(CLIENTS), name], { env });
    const { stdout } = await run(
      'pgbench',
      [...args, '-N', '-c', String(CLIENTS), '-j', '2', '-T', String(seconds), name],
      { env },
    );
    const m =
      /tps = ([\d.]+) \((?:without initial connection time|excluding connections establishing)\)/.exec(
        stdout,
      );
    if (!m) throw new Error(`cannot read pgbench output: ${stdout}`);
    return Number(m[1]);
  } finally {
    await db.drop();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// `npx ts-node --transpile-only bench/b1-workflow-events.ts [--quick]` runs B1 alone.
if (require.main === module) {
  {
    console.log(`B1 on ${ADMIN_URL.replace(/\/\/[^@]*@/, '//')}`);
    runB1({ quick: process.argv.includes('--quick') })
      .then((r) => {
        print(r);
        process.exit(0);
      })
      .catch((err) => {
        console.error(err);
        process.exit(1);
      });
  }
}
