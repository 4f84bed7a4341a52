import { Injectable } from '@nestjs/common';
import { isIdempotencyKeyRace } from '../database/pg-errors';
import { TransactionRunner, Tx } from '../database/transaction-runner';
import { Principal } from '../identity/domain/principal';
import { IdempotencyService, requestFingerprint } from './idempotency.service';

export interface WriteOutcome<T> {
  status: number;
  body: T;
  /** The stored answer to an earlier request with the same Idempotency-Key. */
  replayed: boolean;
}

/**
 * Runs a creating write in one transaction, honouring `Idempotency-Key` (api.md) with the
 * idempotency records: the same key and body from the same caller returns the first
 * answer and changes nothing; the same key with another body is a 422.
 */
@Injectable()
export class IdempotentWrite {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly idempotency: IdempotencyService,
  ) {}

  async run<T extends object>(
    p: Principal,
    key: string | undefined,
    request: { scope: string; resourceId: string; body: unknown; status: number },
    work: (tx: Tx) => Promise<T>,
  ): Promise<WriteOutcome<T>> {
    const hash =
      key === undefined ? '' : requestFingerprint(request.scope, request.resourceId, request.body);
    return this.transactions.runWithRetry(
      async (tx) => {
        if (key !== undefined) {
          const record = await this.idempotency.lookup(tx.manager, p.id, key);
          if (record) {
            const answer = this.idempotency.replay(record, hash);
            return { status: answer.status, body: answer.body as T, replayed: true };
          }
        }
        const body = await work(tx);
        if (key !== undefined) {
          await this.idempotency.save(tx.manager, {
            principalId: p.id,
            key,
            scope: request.scope,
            requestHash: hash,
            resourceId: request.resourceId,
            answer: { status: request.status, body: body as Record<string, unknown> },
          });
        }
        return { status: request.status, body, replayed: false };
      },
      // Two requests with one key at once: the loser runs again and finds the winner's answer.
      { attempts: 3, retryAfter: (err) => (isIdempotencyKeyRace(err) ? 0 : null) },
    );
  }
}
