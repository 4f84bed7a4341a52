import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';

export const WRK_DIR = join(__dirname, '..', 'wrk');

/** wrk (a C load generator, Debian's package), installed when missing as CI does. */
export function ensureWrk(): void {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return;
  } catch (err) {
    // wrk --version exits 1 after printing its version: it is there.
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') return;
  }
  console.error('bench: installing wrk (apt-get install -y wrk)…');
  execFileSync('sh', ['-c', 'apt-get update -qq && apt-get install -y -qq wrk'], {
    stdio: 'inherit',
  });
}

export interface WrkResult {
  requests: number;
  /** Answers that were not 2xx/3xx. */
  statusErrors: number;
  /** Socket errors and timeouts. */
  socketErrors: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  /** CPU the load generator used, as a share of the machine's cores over the run. */
  clientCpuShare: number;
  /** CPU the server process used (its cluster's children included), same unit. */
  serverCpuShare: number;
  /** CPU the separate worker process used, same unit (0 without one). */
  workerCpuShare: number;
  /** CPU all `postgres` processes on this machine used, same unit (other databases included). */
  postgresCpuShare: number;
  /** Busy share of all cores over the run (everything: client, server, Postgres, other work). */
  machineBusyShare: number;
  /** 1-minute load average at the start. */
  loadBefore: number;
}

export interface WrkRun {
  script: string;
  url: string;
  threads: number;
  connections: number;
  seconds: number;
  env?: Record<string, string>;
  /** The server's pid, to report its CPU share (with its child processes': a cluster's). */
  serverPid?: number;
  /** Other processes of the service (a separate worker), reported as `workerCpuShare`. */
  workerPid?: number;
}

/** Runs wrk with one of bench/wrk/*.lua and reads the JSON line its done() prints. */
export async function runWrk(run: WrkRun): Promise<WrkResult> {
  const loadBefore = loadavg()[0];
  const machine0 = machineTicks();
  const server0 = treeTicks(run.serverPid);
  const worker0 = treeTicks(run.workerPid);
  const postgres0 = postgresTicks();
  const args = [
    '-t',
    String(run.threads),
    '-c',
    String(run.connections),
    '-d',
    `${run.seconds}s`,
    '--timeout',
    '10s',
    '-s',
    join(WRK_DIR, run.script),
    run.url,
  ];
  // `times` after wrk prints the CPU its children (wrk) used: user and system.
  const shell = `wrk ${args.map((a) => `'${a}'`).join(' ')}; code=$?; times; exit $code`;
  const started = process.hrtime.bigint();
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn('bash', ['-c', shell], {
      env: { ...process.env, BENCH_WRK_DIR: WRK_DIR, ...run.env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let text = '';
    child.stdout.on('data', (d: Buffer) => (text += d.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(text) : reject(new Error(`wrk exited ${code}: ${text.slice(-500)}`)),
    );
  });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const json = /BENCH_JSON (\{.*\})/.exec(out);
  if (!json) throw new Error(`cannot read wrk output: ${out.slice(-500)}`);
  const r = JSON.parse(json[1]) as Record<string, number>;
  const times = [...out.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  // The second line of `times` is the children's user and system time.
  const clientCpu = times.length >= 4 ? times[2] + times[3] : NaN;
  const cores = cpus().length;
  const machine1 = machineTicks();
  const server1 = treeTicks(run.serverPid);
  const worker1 = treeTicks(run.workerPid);
  const postgres1 = postgresTicks();
  const seconds = r.duration_us / 1e6;
  return {
    requests: r.requests,
    statusErrors: r.status_errors,
    socketErrors: r.connect_errors + r.read_errors + r.write_errors + r.timeouts,
    seconds,
    perSecond: (r.requests - r.status_errors) / seconds,
    p50Ms: r.p50_us / 1000,
    p90Ms: r.p90_us / 1000,
    p99Ms: r.p99_us / 1000,
    maxMs: r.max_us / 1000,
    clientCpuShare: clientCpu / (wall * cores),
    serverCpuShare: (server1 - server0) / 100 / (wall * cores),
    workerCpuShare: (worker1 - worker0) / 100 / (wall * cores),
    postgresCpuShare: (postgres1 - postgres0) / 100 / (wall * cores),
    machineBusyShare:
      (machine1.busy - machine0.busy) / Math.max(1, machine1.total - machine0.total),
    loadBefore,
  };
}

/** utime + stime of a process and its children, in clock ticks (USER_HZ = 100 on Linux). */
function treeTicks(pid: number | undefined): number {
  if (!pid) return 0;
  let ticks = 0;
  for (const p of [pid, ...childPids(pid)]) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      /* gone */
    }
  }
  return ticks;
}

/** The direct children of a process (a node:cluster supervisor's HTTP processes). */
export function childPids(pid: number): number[] {
  // Node forks from its main thread, whose children the kernel lists here.
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .split(' ')
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/** utime + stime of every process named postgres (the server's backends, pgbench's excluded). */
function postgresTicks(): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      /* gone */
    }
  }
  return ticks;
}

/** Busy and total clock ticks of all cores since boot (/proc/stat). */
export function machineTicks(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = v[3] + (v[4] ?? 0);
  const total = v.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}
