import { Logger } from '@nestjs/common';
import { EnqueueOptions, JobDispatch, JobQueueDriver } from '../job-queue.port';

// setTimeout overflows past 2^31-1 ms (~24.8 days); longer waits are left to the timer sweeper.
const MAX_TIMEOUT_MS = 2 ** 31 - 1;
const MAX_ATTEMPTS = 3;

interface PendingJob {
  name: string;
  data: Record<string, unknown>;
  attempt: number;
}

/**
 * Runs jobs inside this process (the embedded default). Nothing here is durable by itself:
 * durable work is a database row (timer or job run) that the sweeper re-dispatches at start.
 */
export class InProcessJobDriver extends JobQueueDriver {
  readonly kind = 'in-process' as const;
  private readonly logger = new Logger('InProcessJobDriver');
  private dispatch?: JobDispatch;
  private concurrency = 1;
  private running = 0;
  private stopped = false;
  private readonly ready: PendingJob[] = [];
  private readonly delayed = new Map<string, NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly pendingIds = new Set<string>();

  async enqueue(name: string, data: Record<string, unknown>, options: EnqueueOptions = {}) {
    if (this.stopped) return;
    const id = options.jobId;
    if (id && this.pendingIds.has(id)) return;
    const job: PendingJob = { name, data: id ? { ...data, __jobId: id } : data, attempt: 1 };
    if (id) this.pendingIds.add(id);
    const delay = options.delayMs ?? 0;
    if (delay > MAX_TIMEOUT_MS) {
      if (id) this.pendingIds.delete(id);
      return;
    }
    if (delay > 0) {
      const key = id ?? `${name}:${Math.random()}`;
      const handle = setTimeout(() => {
        this.delayed.delete(key);
        this.push(job);
      }, delay);
      this.delayed.set(key, handle);
    } else {
      this.push(job);
    }
  }

  async startConsuming(dispatch: JobDispatch, concurrency: number) {
    this.dispatch = dispatch;
    this.concurrency = concurrency;
    this.drain();
  }

  async stop() {
    this.stopped = true;
    for (const handle of this.delayed.values()) clearTimeout(handle);
    this.delayed.clear();
    this.ready.length = 0;
    await Promise.allSettled([...this.inFlight]);
  }

  async ping() {
    /* always reachable */
  }

  private push(job: PendingJob) {
    if (this.stopped) return;
    this.ready.push(job);
    this.drain();
  }

  private drain() {
    while (this.dispatch && !this.stopped && this.running < this.concurrency && this.ready.length) {
      const job = this.ready.shift()!;
      this.running++;
      const run = this.execute(job).finally(() => {
        this.running--;
        this.inFlight.delete(run);
        this.drain();
      });
      this.inFlight.add(run);
    }
  }

  private async execute(job: PendingJob) {
    const { __jobId, ...data } = job.data as Record<string, unknown> & { __jobId?: string };
    try {
      await this.dispatch!(job.name, data);
      if (__jobId) this.pendingIds.delete(__jobId);
    } catch (err) {
      if (job.attempt >= MAX_ATTEMPTS || this.stopped) {
        if (__jobId) this.pendingIds.delete(__jobId);
        this.logger.error(`job ${job.name} failed after ${job.attempt} attempts: ${String(err)}`);
        return;
      }
      const backoff = 500 * 2 ** (job.attempt - 1);
      const handle = setTimeout(() => this.push({ ...job, attempt: job.attempt + 1 }), backoff);
      this.delayed.set(`retry:${job.name}:${Math.random()}`, handle);
    }
  }
}
