import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { Tx } from '../../database/transaction-runner';
import { HandlerRegistry } from '../handler-registry';
import { JobQueueDriver } from '../job-queue.port';
import { JobRunFailure } from './job-run-handler';

export const JOB_RUN_EXECUTE_JOB = 'job-run.execute';
// A running job beats every HEARTBEAT_MS; one silent for STALE_HEARTBEAT_MS is taken to be dead
// (its process was killed) and is run again.
const HEARTBEAT_MS = 5_000;
const STALE_HEARTBEAT_MS = 30_000;
// A job found `running` with a dead heartbeat took its process down (or was there when it died).
// It is run once more; if that attempt dies too, it is a poison job and is failed, not retried.
const MAX_CRASHED_ATTEMPTS = 2;
export const CRASHED_JOB_ERROR =
  'the job stopped while running, twice (its process ended each time), and is not retried; if it is an import, the file is probably too large or damaged: split it or save it again from Excel';

export interface JobRunView {
  id: string;
  kind: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  progress: { done: number; total: number | null };
  result: Record<string, unknown> | null;
  error: string | null;
  createdBy: string | null;
  agencyId: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** User-visible background jobs: the `job_run` row is the truth, the queue only runs it. */
@Injectable()
export class JobRunService {
  private readonly logger = new Logger(JobRunService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly driver: JobQueueDriver,
    private readonly clock: Clock,
    private readonly registry: HandlerRegistry,
  ) {}

  /** Records a job in the caller's transaction and queues it once that commits. */
  async create(
    tx: Tx,
    kind: string,
    payload: Record<string, unknown>,
    createdBy: string | null,
    /** The creator's agency: that agency's lead may follow the job too. */
    agencyId: string | null = null,
  ): Promise<string> {
    const id = randomUUID();
    await tx.manager.query(
      `INSERT INTO job_run (id, kind, payload, created_by, agency_id, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, kind, JSON.stringify(payload), createdBy, agencyId, this.clock.now()],
    );
    tx.afterCommit(() => this.enqueue(id));
    return id;
  }

  enqueue(id: string): Promise<void> {
    return this.driver.enqueue(JOB_RUN_EXECUTE_JOB, { jobRunId: id }, { jobId: `run:${id}` });
  }

  async find(id: string): Promise<JobRunView | null> {
    const rows = await this.dataSource.query(`SELECT * FROM job_run WHERE id = $1`, [id]);
    return rows.length ? toView(rows[0]) : null;
  }

  async execute(id: string): Promise<void> {
    const now = this.clock.now();
    // TypeORM answers an UPDATE … RETURNING with [rows, affectedCount].
    const [claimed]: [Array<Record<string, any>>, number] = await this.dataSource.query(
      `UPDATE job_run SET status = 'running', started_at = coalesce(started_at, $2),
              heartbeat_at = $2, attempts = attempts + 1
        WHERE id = $1 AND (status = 'queued' OR (status = 'running' AND heartbeat_at < $3 AND attempts < $4))
        RETURNING *`,
      [id, now, new Date(now.getTime() - STALE_HEARTBEAT_MS), MAX_CRASHED_ATTEMPTS],
    );
    if (claimed.length === 0) {
      await this.failCrashedTwice(id, now);
      return;
    }
    const row = claimed[0];
    const handler = this.registry.jobRuns.get(row.kind);
    const heartbeat = setInterval(() => {
      void this.dataSource
        .query(`UPDATE job_run SET heartbeat_at = $2 WHERE id = $1 AND status = 'running'`, [
          id,
          this.clock.now(),
        ])
        .catch(() => undefined);
    }, HEARTBEAT_MS);
    try {
      if (!handler) throw new Error(`no handler for job kind "${row.kind}"`);
      const result = await handler.run({
        id,
        payload: row.payload ?? {},
        createdBy: row.created_by,
        progress: (done, total) => this.progress(id, done, total),
      });
      await this.dataSource.query(
        // A finished job has done all it counted, whatever progress it last had time to write.
        `UPDATE job_run SET status = 'succeeded', result = $2, finished_at = $3,
            progress_done = coalesce(progress_total, progress_done) WHERE id = $1`,
        [id, JSON.stringify(result ?? {}), this.clock.now()],
      );
    } catch (err) {
      this.logger.error(`job ${row.kind} ${id} failed: ${String(err)}`);
      await this.dataSource.query(
        `UPDATE job_run SET status = 'failed', error = $2, finished_at = $3, result = coalesce($4, result)
          WHERE id = $1`,
        [
          id,
          err instanceof Error ? err.message : String(err),
          this.clock.now(),
          err instanceof JobRunFailure ? JSON.stringify(err.result) : null,
        ],
      );
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async failCrashedTwice(id: string, now: Date): Promise<void> {
    const [failed]: [Array<{ kind: string; attempts: number }>, number] =
      await this.dataSource.query(
        `UPDATE job_run SET status = 'failed', error = $2, finished_at = $3
        WHERE id = $1 AND status = 'running' AND heartbeat_at < $4 AND attempts >= $5
        RETURNING kind, attempts`,
        [
          id,
          CRASHED_JOB_ERROR,
          now,
          new Date(now.getTime() - STALE_HEARTBEAT_MS),
          MAX_CRASHED_ATTEMPTS,
        ],
      );
    if (failed.length > 0) {
      this.logger.error(
        `job ${failed[0].kind} ${id} died with its process ${failed[0].attempts} times; failed, not retried`,
      );
    }
  }

  async progress(id: string, done: number, total?: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE job_run SET progress_done = $2, progress_total = coalesce($3, progress_total), heartbeat_at = $4
        WHERE id = $1`,
      [id, done, total ?? null, this.clock.now()],
    );
  }

  /** Queues again the jobs whose queue message was lost (a restart, a Redis outage). */
  async requeueLost(): Promise<number> {
    const now = this.clock.now().getTime();
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM job_run
        WHERE (status = 'queued' AND created_at < $1) OR (status = 'running' AND heartbeat_at < $2)
        ORDER BY created_at LIMIT 500`,
      [new Date(now - 10_000), new Date(now - STALE_HEARTBEAT_MS)],
    );
    for (const { id } of rows) await this.enqueue(id).catch(() => undefined);
    return rows.length;
  }
}

function toView(row: Record<string, any>): JobRunView {
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    progress: { done: row.progress_done, total: row.progress_total },
    result: row.result,
    error: row.error,
    createdBy: row.created_by,
    agencyId: row.agency_id ?? null,
    createdAt: iso(row.created_at)!,
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
  };
}
