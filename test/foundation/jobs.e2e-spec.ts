import { Injectable, Module } from '@nestjs/common';
import { Client } from 'pg';
import { TransactionRunner, Tx } from '../../src/database/transaction-runner';
import { JobRunHandler, TimerHandler } from '../../src/jobs/decorators';
import { JobRunContext } from '../../src/jobs/runs/job-run-handler';
import { JobRunService } from '../../src/jobs/runs/job-run.service';
import { DueTimer } from '../../src/jobs/timers/timer-handler';
import { TimerService } from '../../src/jobs/timers/timer.service';
import { WorkerLifecycle } from '../../src/jobs/worker-lifecycle';
import {
  createTestApp,
  createTestDatabase,
  FixedClock,
  TestApp,
  TestDatabase,
  testRedisUrl,
} from '../support/test-app';
import { waitFor } from '../support/wait-for';

@Injectable()
@TimerHandler('test.record')
class RecordingTimerHandler {
  async onTimer(timer: DueTimer, tx: Tx) {
    await tx.manager.query(`INSERT INTO test_timer_effect (timer_id, note) VALUES ($1, $2)`, [
      timer.id,
      String(timer.payload.note ?? ''),
    ]);
  }
}

@Injectable()
@JobRunHandler('test.sum')
class SumJob {
  async run(ctx: JobRunContext) {
    const n = Number(ctx.payload.n);
    let sum = 0;
    for (let i = 1; i <= n; i++) {
      sum += i;
      await ctx.progress(i, n);
    }
    return { sum };
  }
}

@Module({ providers: [RecordingTimerHandler, SumJob] })
class TestHandlersModule {}

const drivers = [
  ['in-process', false],
  ['bull', true],
] as const;

describe.each(drivers)('durable timers and jobs with the %s driver', (_name, redis) => {
  const maybe = redis && !testRedisUrl() ? it.skip : it;
  let db: TestDatabase;
  const apps: TestApp[] = [];
  const start = async (opts: Parameters<typeof createTestApp>[0] = {}) => {
    const app = await createTestApp({
      redis,
      database: db,
      imports: [TestHandlersModule],
      ...opts,
    });
    apps.push(app);
    return app;
  };
  const effects = async (t: TestApp) =>
    (await t.dataSource.query(`SELECT timer_id FROM test_timer_effect`)) as Array<{
      timer_id: string;
    }>;
  // Written straight to the database, as if by a process that has since stopped.
  const insertDueTimers = async (database: TestDatabase, n: number, dueAt: Date) => {
    const c = new Client({ connectionString: database.url });
    await c.connect();
    for (let i = 0; i < n; i++) {
      await c.query(
        `INSERT INTO scheduled_timer (id, kind, subject_key, payload, due_at) VALUES (gen_random_uuid(), 'test.record', $1, '{}', $2)`,
        [`subject-${i}`, dueAt],
      );
    }
    await c.end();
  };

  beforeEach(async () => {
    db = await createTestDatabase();
    const c = new Client({ connectionString: db.url });
    await c.connect();
    await c.query(
      `CREATE TABLE IF NOT EXISTS test_timer_effect (timer_id uuid NOT NULL, note text)`,
    );
    await c.query(`TRUNCATE test_timer_effect, scheduled_timer`);
    await c.end();
  });
  afterEach(async () => {
    for (const a of apps) await a.close({ keepDatabase: true });
    apps.length = 0;
    await db.drop();
  });

  maybe('fires a delayed timer once, a few hundred ms later', async () => {
    const t = await start();
    const id = await t.app.get(TransactionRunner).run((tx) =>
      t.app.get(TimerService).schedule(tx, {
        kind: 'test.record',
        subjectKey: 'reg-1',
        dueAt: new Date(Date.now() + 300),
        payload: { note: 'hello' },
      }),
    );
    expect(await effects(t)).toHaveLength(0);
    await waitFor(async () => (await effects(t)).length === 1, 10_000);
    // Let a sweep pass too: it must not fire the timer a second time.
    await t.app.get(WorkerLifecycle).sweep();
    expect(await effects(t)).toEqual([{ timer_id: id }]);
    const [row] = await t.dataSource.query(
      `SELECT status, fired_at FROM scheduled_timer WHERE id = $1`,
      [id],
    );
    expect(row.status).toBe('fired');
  });

  maybe('fires at start, exactly once, a timer that came due while no process ran', async () => {
    await insertDueTimers(db, 1, new Date(Date.now() - 3_600_000));
    const t = await start();
    // The sweep at start has already run when the app is up.
    expect(await effects(t)).toHaveLength(1);
    await t.app.get(WorkerLifecycle).sweep();
    expect(await effects(t)).toHaveLength(1);
  });

  maybe('two processes on one database never fire the same timer twice', async () => {
    const prefix = `regcut-test-shared-${Date.now()}`;
    await insertDueTimers(db, 40, new Date(Date.now() - 1000));
    const [a, b] = await Promise.all([
      start({ redisPrefix: prefix }),
      start({ redisPrefix: prefix }),
    ]);
    await Promise.all([a.app.get(WorkerLifecycle).sweep(), b.app.get(WorkerLifecycle).sweep()]);
    const rows = await effects(a);
    expect(rows).toHaveLength(40);
    expect(new Set(rows.map((r) => r.timer_id)).size).toBe(40);
    const [{ pending }] = await a.dataSource.query(
      `SELECT count(*)::int AS pending FROM scheduled_timer WHERE status <> 'fired'`,
    );
    expect(pending).toBe(0);
  });

  maybe('does not fire a cancelled timer, and a fixed clock decides what is due', async () => {
    const clock = new FixedClock(new Date('2026-03-01T00:00:00Z'));
    const t = await start({ clock });
    const tx = t.app.get(TransactionRunner);
    const timers = t.app.get(TimerService);
    await tx.run((x) =>
      timers.schedule(x, {
        kind: 'test.record',
        subjectKey: 'keep',
        dueAt: new Date('2026-03-02T00:00:00Z'),
      }),
    );
    await tx.run((x) =>
      timers.schedule(x, {
        kind: 'test.record',
        subjectKey: 'drop',
        dueAt: new Date('2026-03-02T00:00:00Z'),
      }),
    );
    await tx.run((x) => timers.cancel(x, 'drop'));
    await t.app.get(WorkerLifecycle).sweep();
    expect(await effects(t)).toHaveLength(0);
    clock.advance(24 * 3_600_000);
    await t.app.get(WorkerLifecycle).sweep();
    expect(await effects(t)).toHaveLength(1);
  });

  maybe('runs a job with progress and keeps its result', async () => {
    const t = await start();
    const runs = t.app.get(JobRunService);
    const id = await t.app
      .get(TransactionRunner)
      .run((tx) => runs.create(tx, 'test.sum', { n: 10 }, null));
    await waitFor(async () => (await runs.find(id))?.status === 'succeeded', 10_000);
    const view = await runs.find(id);
    expect(view).toMatchObject({
      status: 'succeeded',
      progress: { done: 10, total: 10 },
      result: { sum: 55 },
    });
  });
});
