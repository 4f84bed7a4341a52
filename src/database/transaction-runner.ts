import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** A unit of work: the transaction's manager, and work to do only once it has committed. */
export interface Tx {
  manager: EntityManager;
  afterCommit(callback: () => unknown): void;
}

/** When a failed attempt runs again. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /**
   * Milliseconds to wait before running again after this failure of attempt `attempt` (0: at
   * once), or null when the failure is final. Not consulted on the last attempt.
   */
  retryAfter(err: unknown, attempt: number): number | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `attempt` until it succeeds, the policy calls a failure final, or attempts run out. */
export async function withRetry<T>(
  attempt: (n: number) => Promise<T>,
  policy: RetryPolicy,
): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (err) {
      const wait = n < policy.attempts ? policy.retryAfter(err, n) : null;
      if (wait === null) throw err;
      if (wait > 0) await sleep(wait);
    }
  }
}

@Injectable()
export class TransactionRunner {
  private readonly logger = new Logger(TransactionRunner.name);

  constructor(private readonly dataSource: DataSource) {}

  async run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const callbacks: Array<() => unknown> = [];
    const result = await this.dataSource.transaction((manager) =>
      work({ manager, afterCommit: (cb) => callbacks.push(cb) }),
    );
    // Post-commit work (enqueueing, notifications) must never fail or delay the committed request.
    for (const cb of callbacks) {
      void Promise.resolve()
        .then(cb)
        .catch((err) => this.logger.warn(`after-commit callback failed: ${String(err)}`));
    }
    return result;
  }

  /**
   * Runs `work` in a new transaction each attempt (serialization failures, deadlocks, races on a
   * unique key: whatever the policy retries). After-commit callbacks of a failed attempt never run.
   */
  runWithRetry<T>(work: (tx: Tx, attempt: number) => Promise<T>, policy: RetryPolicy): Promise<T> {
    return withRetry((n) => this.run((tx) => work(tx, n)), policy);
  }
}
