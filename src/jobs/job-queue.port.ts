/** What a queue driver does: carry a named job to some worker process, now or after a delay. */
export interface EnqueueOptions {
  /** Deduplicates: a second job with the same id while the first is pending is ignored. */
  jobId?: string;
  delayMs?: number;
}

export type JobDispatch = (name: string, data: Record<string, unknown>) => Promise<void>;

export abstract class JobQueueDriver {
  abstract readonly kind: 'bull' | 'in-process';
  abstract enqueue(
    name: string,
    data: Record<string, unknown>,
    options?: EnqueueOptions,
  ): Promise<void>;
  /** Start consuming jobs (only in processes that run workers). */
  abstract startConsuming(dispatch: JobDispatch, concurrency: number): Promise<void>;
  /** Stop taking jobs and wait for the running ones. */
  abstract stop(): Promise<void>;
  /** Throws when the transport is unreachable. */
  abstract ping(): Promise<void>;
}

/** A class that runs one kind of queued job. Must be idempotent: a job may run twice. */
export interface JobHandlerClass {
  handle(data: Record<string, unknown>): Promise<void>;
}

export const JOB_HANDLER_METADATA = 'regcut:job-handler';
