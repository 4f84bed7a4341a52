import 'reflect-metadata';
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
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
  REDIS_URL,
  BenchFigures,
  BenchOptions,
  freshDatabase,
  print,
  round,
} from './lib/context';
import { cpus } from 'node:os';
import { childPids, ensureWrk, machineTicks, runWrk } from './lib/wrk';

const run = promisify(execFile);
const CLIENTS = 16;
/**
 * The topology B1 runs, as the README's production section: `API_PROCESSES` HTTP processes on
 * one port (node:cluster) that only enqueue (WORKERS=false, Bull on Redis), beside one separate
 * worker process (`dist/src/worker.js`). `B1_API_PROCESSES=1 B1_WORKERS=in-process` runs the
 * one-process default (`npm start` without Redis: every worker on the API's event loop).
 */
const API_PROCESSES = Number(process.env.B1_API_PROCESSES ?? 2);
const IN_PROCESS_WORKERS = process.env.B1_WORKERS === 'in-process';
const JWT_SECRET = 'bench-secret-bench-secret-bench-secret-00';

/**
 * B1: workflow events over HTTP — `POST /regulations/:id/events` by 16 concurrent clients, each on
 * regulations of its own (SUBMIT_FOR_REVIEW then COMPLETE_REVIEW on each: lock, facts, engine,
 * compare-and-set, hash-chained history, outbox), against `pgbench -N` with 16 clients on the
 * same Postgres in the same run. The service runs in its own process, as in production.
 * HTTP load comes from wrk (bench/wrk/*.lua), a C client, whose CPU share is printed with the
 * server's and the whole machine's. Target: ≥ 0.5 × pgbench TPS and p99 < 50 ms, and as many
 * authenticated `GET /me` (the ceiling set by HTTP, authentication and logging) ≥ 0.5 × pgbench.
 * Also printed: the same events sent through WorkflowService in-process, the workflow's own cost.
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
  let worker: ChildProcess | undefined;
  try {
    // The first half for HTTP, the second for the service called in-process.
    const { userId, agencyId, ids } = await seed(c, 2 * perClient * CLIENTS);
    const { port, child, workerChild } = await startServer(db.url);
    server = child;
    worker = workerChild;
    const token = new JwtService({ secret: JWT_SECRET }).sign(
      { sub: userId, ver: 1 },
      { expiresIn: 3600 },
    );

    // The ceiling the framework and authentication set: an authenticated GET /me (one query),
    // under wrk, a C load generator, so the client takes little of the two cores.
    ensureWrk();
    const url = `http://127.0.0.1:${port}`;
    const env = { B1_TOKEN: token };
    const wrkRun = { url, serverPid: child.pid, workerPid: workerChild?.pid, env };
    await runWrk({
      ...wrkRun,
      script: 'get-me.lua',
      threads: 2,
      connections: CLIENTS,
      seconds: warmup,
    });
    const me = await runWrk({
      ...wrkRun,
      script: 'get-me.lua',
      threads: 2,
      connections: CLIENTS,
      seconds,
    });
    if (me.statusErrors || me.socketErrors) throw new Error('B1: GET /me failed under wrk');

    // The events: 16 threads of one connection each, every one on regulations of its own
    // (bench/wrk/b1-events.lua); the warm-up and the measured run on separate regulations.
    const httpIds = ids.slice(0, perClient * CLIENTS);
    const half = Math.floor(perClient / 2);
    const idFile = (part: 0 | 1) => {
      const file = join(tmpdir(), `regcut-b1-${process.pid}-${part}.txt`);
      const lines: string[] = [];
      for (let k = 0; k < CLIENTS; k++) {
        const mine = httpIds.slice(k * perClient, (k + 1) * perClient);
        lines.push(...(part === 0 ? mine.slice(0, half) : mine.slice(half)));
      }
      writeFileSync(file, lines.join('\n') + '\n');
      return file;
    };
    const eventsRun = (part: 0 | 1, secs: number) =>
      runWrk({
        ...wrkRun,
        script: 'b1-events.lua',
        threads: CLIENTS,
        connections: CLIENTS,
        seconds: secs,
        env: {
          ...env,
          B1_IDS: idFile(part),
          B1_PER_THREAD: String(part === 0 ? half : perClient - half),
        },
      });
    const warm = await eventsRun(0, warmup);
    const events = await eventsRun(1, seconds);
    const accepted = warm.requests - warm.statusErrors + (events.requests - events.statusErrors);

    // Every accepted event left one history entry; wrk stops with at most one request in flight
    // per connection and run, which the server may still have committed.
    const [{ n: history }] = (await c.query(`SELECT count(*)::int AS n FROM workflow_history`))
      .rows;
    if (history < accepted || history > accepted + 2 * CLIENTS) {
      throw new Error(`B1: ${accepted} accepted but ${history} entries`);
    }
    if (warm.statusErrors || events.statusErrors || events.socketErrors) {
      throw new Error(
        `B1: ${warm.statusErrors + events.statusErrors} non-2xx answers, ${events.socketErrors} socket errors`,
      );
    }

    // The same events through WorkflowService in-process (no HTTP, no auth): the workflow's own
    // cost (engine, lock, history, outbox), in the same database.
    // The API's peak resident memory under that load (the kernel's high-water mark).
    const apiPids = API_PROCESSES > 1 ? childPids(server.pid!) : [server.pid!];
    const rssMb = Math.max(...apiPids.map(peakRssMb));
    const rssTotalMb = apiPids.map(peakRssMb).reduce((a, b) => a + b, 0);
    const workerRssMb = worker ? peakRssMb(worker.pid) : 0;
    await stopProcess(server);
    server = undefined;
    if (worker) await stopProcess(worker);
    worker = undefined;
    const service = await serviceThroughput(
      db.url,
      seconds,
      warmup,
      officerPrincipal(userId, agencyId),
      ids.slice(perClient * CLIENTS),
      perClient,
    );

    const { tps: pgbench, cpuMsPerTx: pgbenchCpuMs } = await runPgbench(seconds);
    const ratio = events.perSecond / pgbench;
    // The CPU budget: what one event costs each process, against what the two cores can give.
    const cores = cpus().length;
    const msPerEvent = (share: number) => (share * cores * 1000) / events.perSecond;
    const apiMs = msPerEvent(events.serverCpuShare);
    const workerMs = msPerEvent(events.workerCpuShare);
    const postgresMs = msPerEvent(events.postgresCpuShare);
    const wrkMs = msPerEvent(events.clientCpuShare);
    return {
      id: 'B1',
      figures: {
        clients: CLIENTS,
        seconds,
        events: events.requests,
        events_per_s: Math.round(events.perSecond),
        p50_ms: round(events.p50Ms),
        p99_ms: round(events.p99Ms),
        pgbench_n_tps: Math.round(pgbench),
        pgbench_cpu_ms_per_tx: round(pgbenchCpuMs),
        api_cpu_ms_per_event: round(apiMs),
        worker_cpu_ms_per_event: round(workerMs),
        postgres_cpu_ms_per_event: round(postgresMs),
        // How many events/s the cores could carry at these costs (wrk's included), and the budget
        // per event that half of pgbench would need.
        cpu_ceiling_events_per_s: Math.round(
          (cores * 1000) / (apiMs + workerMs + postgresMs + wrkMs),
        ),
        cpu_budget_ms_for_target: round((cores * 1000) / (0.5 * pgbench)),
        ratio: round(ratio),
        api_processes: API_PROCESSES,
        workers: IN_PROCESS_WORKERS ? 'in-process' : 'separate',
        wrk_cpu_share: round(events.clientCpuShare),
        server_cpu_share: round(events.serverCpuShare),
        worker_cpu_share: round(events.workerCpuShare),
        postgres_cpu_share: round(events.postgresCpuShare),
        machine_busy_share: round(events.machineBusyShare),
        load_before: round(events.loadBefore),
        get_me_per_s: Math.round(me.perSecond),
        get_me_p99_ms: round(me.p99Ms),
        get_me_ratio: round(me.perSecond / pgbench),
        get_me_wrk_cpu_share: round(me.clientCpuShare),
        get_me_server_cpu_share: round(me.serverCpuShare),
        get_me_postgres_cpu_share: round(me.postgresCpuShare),
        service_events_per_s: Math.round(service.perSecond),
        service_p99_ms: round(service.p99),
        rss_mb: rssMb,
        rss_total_mb: rssTotalMb,
        worker_rss_mb: workerRssMb,
      },
      target: {
        description:
          'events >= 0.5 x pgbench -N TPS and p99 < 50 ms; GET /me >= 0.5 x pgbench -N TPS',
        met: ratio >= 0.5 && events.p99Ms < 50 && me.perSecond / pgbench >= 0.5,
      },
    };
  } finally {
    server?.kill('SIGTERM');
    worker?.kill('SIGTERM');
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
/** The seeded officer, as the service sees them after authentication. */
export function officerPrincipal(userId: string, agencyId: string): Principal {
  return {
    kind: 'user',
    id: userId,
    userId,
    role: 'ministry_officer',
    agencyId,
    agencyKind: 'ministry',
    readOnly: false,
  };
}

export async function seed(
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

export async function serviceThroughput(
  url: string,
  seconds: number,
  warmup: number,
  principal: Principal,
  ids: string[],
  perClient: number,
  hooks: { onMeasureStart?: () => Promise<void>; env?: Record<string, string> } = {},
): Promise<{ perSecond: number; p99: number; cpuMsPerEvent: number; sysMsPerEvent: number }> {
  const app = await appContext(url, { DB_POOL_SIZE: String(CLIENTS + 4), ...hooks.env });
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
  await hooks.onMeasureStart?.();
  measuring = true;
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  await sleep(seconds * 1000);
  measuring = false;
  const cpu = process.cpuUsage(cpu0);
  const elapsed = (performance.now() - started) / 1000;
  stop = true;
  await Promise.all(clients);
  await app.close();
  latencies.sort((a, b) => a - b);
  return {
    perSecond: count / elapsed,
    p99: latencies[Math.min(latencies.length - 1, Math.floor(0.99 * latencies.length))],
    // The process's CPU (its threads included) per event while measuring.
    cpuMsPerEvent: (cpu.user + cpu.system) / 1000 / Math.max(1, count),
    sysMsPerEvent: cpu.system / 1000 / Math.max(1, count),
  };
}

/** Sends SIGTERM and waits for the process (a cluster's supervisor waits for its children). */
function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * The built service (`node dist/src/main.js`), as production runs it, on a free port: the API
 * processes and, unless B1_WORKERS=in-process, one separate worker (`dist/src/worker.js`).
 */
async function startServer(
  url: string,
): Promise<{ port: number; child: ChildProcess; workerChild?: ChildProcess }> {
  execFileSync(process.execPath, [join(__dirname, '..', 'scripts', 'build-if-needed.js')], {
    stdio: 'inherit',
  });
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const p = (probe.address() as { port: number }).port;
      probe.close(() => resolve(p));
    });
  });
  // BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it stops.
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
    : [];
  const env = {
    ...process.env,
    DATABASE_URL: url,
    JWT_SECRET,
    // As in production: one JSON line per request (to a pipe the bench drains).
    LOG_LEVEL: process.env.B1_LOG_LEVEL ?? 'info',
    DEMO_DATA: 'false',
    // Each API process's pool: 16 clients spread over the processes, plus a few for the rest.
    DB_POOL_SIZE: String(Math.ceil(CLIENTS / API_PROCESSES) + 4),
    API_PROCESSES: String(API_PROCESSES),
    ...(IN_PROCESS_WORKERS
      ? { REDIS_URL: '' }
      : {
          REDIS_URL,
          REDIS_PREFIX: `regcut-bench-${process.pid}`,
          WORKERS: 'false',
        }),
  };
  const child = spawn(
    process.execPath,
    [...profile, join(__dirname, '..', 'dist', 'src', 'main.js')],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...env, PORT: String(port) } },
  );
  // A cluster answers as soon as its first process listens; wait for all of them.
  let allListening = API_PROCESSES === 1;
  const watch = (d: Buffer) => {
    if (!d.toString().includes('API processes are listening')) return;
    allListening = true;
    // From here on the request log is only drained.
    child.stdout!.off('data', watch);
    child.stdout!.resume();
  };
  if (allListening) child.stdout!.resume();
  else child.stdout!.on('data', watch);
  const workerChild = IN_PROCESS_WORKERS
    ? undefined
    : spawn(process.execPath, [...profile, join(__dirname, '..', 'dist', 'src', 'worker.js')], {
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { ...env, WORKERS: 'true', DB_POOL_SIZE: '10', LOG_LEVEL: 'warn' },
      });
  for (let i = 0; i < 300; i++) {
    try {
      const ready = (await fetch(`http://127.0.0.1:${port}/health/ready`)).status === 200;
      if (ready && allListening) {
        return { port, child, workerChild };
      }
    } catch {
      /* not up yet */
    }
    await sleep(100);
  }
  child.kill('SIGKILL');
  workerChild?.kill('SIGKILL');
  throw new Error('B1: the service did not become ready');
}

/**
 * pgbench -N (no updates to the small tables), 16 clients, on the same server, same duration;
 * with the CPU the whole machine spent per transaction (pgbench and Postgres).
 */
async function runPgbench(seconds: number): Promise<{ tps: number; cpuMsPerTx: number }> {
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
    const before = machineTicks();
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
    const after = machineTicks();
    const tps = Number(m[1]);
    const busyShare = (after.busy - before.busy) / Math.max(1, after.total - before.total);
    return { tps, cpuMsPerTx: (busyShare * cpus().length * 1000) / tps };
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
