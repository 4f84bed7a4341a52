import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Clock } from '../../common/clock';
import { Tx } from '../../database/transaction-runner';
import { HandlerRegistry } from '../handler-registry';
import { JobQueueDriver } from '../job-queue.port';
import { JobRunRepository } from '../persistence/job-run.repository';
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
    private readonly runs: JobRunRepository,
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
    await this.runs.insert(tx.manager, {
      id,
      kind,
      payload,
      createdBy,
      agencyId,
      createdAt: this.clock.now(),
    });
    tx.afterCommit(() => this.enqueue(id));
    return id;
  }

  enqueue(id: string): Promise<void> {
    return this.driver.enqueue(JOB_RUN_EXECUTE_JOB, { jobRunId: id }, { jobId: `run:${id}` });
  }

  async find(id: string): Promise<JobRunView | null> {
    const row = await this.runs.find(id);
    return row ? toView(row) : null;
  }

  async execute(id: string): Promise<void> {
    const now = this.clock.now();
    const row = await this.runs.claim(
      id,
      now,
      new Date(now.getTime() - STALE_HEARTBEAT_MS),
      MAX_CRASHED_ATTEMPTS,
    );
    if (!row) {
      await this.failCrashedTwice(id, now);
      return;
    }
    const handler = this.registry.jobRuns.get(row.kind);
    const heartbeat = setInterval(() => {
      void this.runs.heartbeat(id, this.clock.now()).catch(() => undefined);
    }, HEARTBEAT_MS);
    try {
      if (!handler) throw new Error(`no handler for job kind "${row.kind}"`);
      const result = await handler.run({
        id,
        payload: row.payload ?? {},
        createdBy: row.created_by,
        progress: (done, total) => this.progress(id, done, total),
      });
      await this.runs.succeed(id, result, this.clock.now());
    } catch (err) {
      this.logger.error(`job ${row.kind} ${id} failed: ${String(err)}`);
      await this.runs.fail(
        id,
        err instanceof Error ? err.message : String(err),
        this.clock.now(),
        err instanceof JobRunFailure ? err.result : null,
      );
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async failCrashedTwice(id: string, now: Date): Promise<void> {
    const failed = await this.runs.failCrashed(
      id,
      CRASHED_JOB_ERROR,
      now,
      new Date(now.getTime() - STALE_HEARTBEAT_MS),
      MAX_CRASHED_ATTEMPTS,
    );
    if (failed) {
      this.logger.error(
        `job ${failed.kind} ${id} died with its process ${failed.attempts} times; failed, not retried`,
      );
    }
  }

  async progress(id: string, done: number, total?: number): Promise<void> {
    await this.runs.progress(id, done, total ?? null, this.clock.now());
  }

  /** Queues again the jobs whose queue message was lost (a restart, a Redis outage). */
  async requeueLost(): Promise<number> {
    const now = this.clock.now().getTime();
    const ids = await this.runs.lost(new Date(now - 10_000), new Date(now - STALE_HEARTBEAT_MS));
    for (const id of ids) await this.enqueue(id).catch(() => undefined);
    return ids.length;
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
