import { Logger } from '@nestjs/common';
import type { Queue } from 'bull';
import { EnqueueOptions, JobDispatch, JobQueueDriver } from '../job-queue.port';

export const QUEUE_NAME = 'regcut';
const ENQUEUE_TIMEOUT_MS = 3000;

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let handle: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    handle = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(handle));
}

/** Bull on Redis: jobs reach whichever worker process is free; delays live in Redis. */
export class BullJobDriver extends JobQueueDriver {
  readonly kind = 'bull' as const;
  private readonly logger = new Logger('BullJobDriver');

  constructor(private readonly queue: Queue) {
    super();
  }

  async enqueue(name: string, data: Record<string, unknown>, options: EnqueueOptions = {}) {
    // A Redis outage must not block a request: Bull would otherwise wait for the reconnect.
    await withTimeout(
      this.queue.add(name, data, {
        jobId: options.jobId,
        delay: options.delayMs && options.delayMs > 0 ? options.delayMs : undefined,
        attempts: 5,
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: true,
        removeOnFail: 1000,
      }),
      ENQUEUE_TIMEOUT_MS,
      `enqueue ${name}`,
    );
  }

  async startConsuming(dispatch: JobDispatch, concurrency: number) {
    void this.queue
      .process('*', concurrency, async (job) => dispatch(job.name, job.data))
      .catch((err) => this.logger.error(`Bull consumer stopped: ${String(err)}`));
  }

  async stop() {
    await this.queue.close();
  }

  async ping() {
    await withTimeout(this.queue.client.ping(), 2000, 'Redis ping');
  }
}
