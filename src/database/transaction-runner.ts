import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** A unit of work: the transaction's manager, and work to do only once it has committed. */
export interface Tx {
  manager: EntityManager;
  afterCommit(callback: () => unknown): void;
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
}
