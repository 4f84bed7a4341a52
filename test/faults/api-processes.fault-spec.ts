import { readFileSync } from 'node:fs';
import { buildOnce, ChildService } from '../support/child-service';
import { waitFor } from '../support/wait-for';
import { OwnPostgres, OwnRedis, serviceEnv, startChild } from './harness';
import { seedRegulations } from './seed';

/** The supervisor's HTTP processes (Node forks from its main thread, whose children these are). */
const childPids = (pid: number): number[] =>
  readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
    .split(' ')
    .filter(Boolean)
    .map(Number)
    .sort();

describe('fault: API_PROCESSES=2 — one port, a process killed and replaced, a clean stop', () => {
  const pg = new OwnPostgres();
  const redis = new OwnRedis();
  let api: ChildService;
  let worker: ChildService;

  beforeAll(async () => {
    buildOnce();
    await pg.init();
    await redis.start();
    api = await startChild({ ...serviceEnv(pg, redis), WORKERS: 'false', API_PROCESSES: '2' });
    worker = await startChild(serviceEnv(pg, redis), 'worker');
  }, 180_000);
  afterAll(async () => {
    // Children first (a SIGKILLed supervisor would leave them running); none if it already stopped.
    const live = api && api.proc.exitCode === null && api.proc.signalCode === null;
    for (const pid of live ? childPids(api.proc.pid!) : []) process.kill(pid, 'SIGKILL');
    await api?.stop('SIGKILL');
    await worker?.stop('SIGKILL');
    await redis.stop();
    await pg.destroy();
  });

  it('serves events through both processes, replaces one that dies, and stops on SIGTERM', async () => {
    await waitFor(async () => api.output().includes('all 2 API processes are listening'), 30_000);
    const children = childPids(api.proc.pid!);
    expect(children).toHaveLength(2);

    const seeded = await seedRegulations(pg.url, serviceEnv(pg, redis).JWT_SECRET, 40);
    const send = (id: string) =>
      fetch(`${api.url}/regulations/${id}/events`, {
        method: 'POST',
        headers: { Authorization: seeded.auth, 'Content-Type': 'application/json' },
        body: JSON.stringify({ type: 'SUBMIT_FOR_REVIEW' }),
      });
    const first = await Promise.all(seeded.regulationIds.slice(0, 20).map(send));
    expect(first.map((r) => r.status)).toEqual(Array(20).fill(200));

    // A process that dies is replaced; the port keeps answering meanwhile.
    process.kill(children[0], 'SIGKILL');
    await waitFor(async () => {
      const now = childPids(api.proc.pid!);
      return now.length === 2 && !now.includes(children[0]);
    }, 30_000);
    const second = await Promise.all(seeded.regulationIds.slice(20).map(send));
    expect(second.map((r) => r.status)).toEqual(Array(20).fill(200));
    const [{ n }] = await pg.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM workflow_history WHERE event = 'SUBMIT_FOR_REVIEW'`,
    );
    expect(n).toBe(40);

    // SIGTERM to the supervisor stops every process and exits 0.
    const pids = childPids(api.proc.pid!);
    expect(await api.stop('SIGTERM')).toBe(0);
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
  }, 120_000);
});
