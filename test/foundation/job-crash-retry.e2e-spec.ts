import { Injectable, Module } from '@nestjs/common';
import { Client } from 'pg';
import { JobRunHandler } from '../../src/jobs/decorators';
import { CRASHED_JOB_ERROR, JobRunService } from '../../src/jobs/runs/job-run.service';
import {
  createTestApp,
  createTestDatabase,
  FixedClock,
  TestApp,
  TestDatabase,
} from '../support/test-app';

@Injectable()
@JobRunHandler('test.echo')
class EchoJob {
  async run() {
    return { ran: true };
  }
}

@Module({ providers: [EchoJob] })
class EchoModule {}

/** A job left `running` by a process that died: retried once, then failed (a poison job). */
describe('jobs whose process died while running them', () => {
  const clock = new FixedClock(new Date('2026-03-01T08:00:00Z'));
  let db: TestDatabase;
  let t: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await createTestApp({ database: db, clock, imports: [EchoModule] });
  });
  afterAll(async () => {
    await t.close({ keepDatabase: true });
    await db.drop();
  });

  // Written straight to the database, as by a process that has since died mid-job.
  const orphan = async (attempts: number): Promise<string> => {
    const c = new Client({ connectionString: db.url });
    await c.connect();
    const heartbeat = new Date(clock.now().getTime() - 60_000);
    const { rows } = await c.query(
      `INSERT INTO job_run (id, kind, payload, created_at, status, started_at, heartbeat_at, attempts)
       VALUES (gen_random_uuid(), 'test.echo', '{}', $1, 'running', $1, $1, $2) RETURNING id`,
      [heartbeat, attempts],
    );
    await c.end();
    return rows[0].id;
  };

  it('runs once more a job that was running when its process died the first time', async () => {
    const id = await orphan(1);
    await t.app.get(JobRunService).execute(id);
    expect(await t.app.get(JobRunService).find(id)).toMatchObject({
      status: 'succeeded',
      result: { ran: true },
    });
  });

  it('fails, with a clear reason, a job whose process died on its retry too', async () => {
    const id = await orphan(2);
    await t.app.get(JobRunService).execute(id);
    const view = await t.app.get(JobRunService).find(id);
    expect(view).toMatchObject({ status: 'failed', error: CRASHED_JOB_ERROR, result: null });
    // Later sweeps leave it failed.
    await t.app.get(JobRunService).execute(id);
    expect((await t.app.get(JobRunService).find(id))?.status).toBe('failed');
  });

  it('leaves alone a running job whose heartbeat is fresh', async () => {
    const c = new Client({ connectionString: db.url });
    await c.connect();
    const { rows } = await c.query(
      `INSERT INTO job_run (id, kind, payload, created_at, status, started_at, heartbeat_at, attempts)
       VALUES (gen_random_uuid(), 'test.echo', '{}', $1, 'running', $1, $1, 2) RETURNING id`,
      [clock.now()],
    );
    await c.end();
    await t.app.get(JobRunService).execute(rows[0].id);
    expect((await t.app.get(JobRunService).find(rows[0].id))?.status).toBe('running');
  });
});
