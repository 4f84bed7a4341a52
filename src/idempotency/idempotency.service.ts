import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { canonicalJson, sha256Hex } from '../common/canonical-json';
import { ProblemException } from '../common/problem';
import { IdempotencyRepository } from './persistence/idempotency.repository';
import { msg } from '../common/i18n/catalogue';

/** The stored first answer to a request sent with an Idempotency-Key. */
export interface StoredAnswer {
  status: number;
  body: Record<string, unknown>;
}

export interface IdempotencyRecord extends StoredAnswer {
  requestHash: string;
  scope: string;
}

/** What identifies "the same request": the operation, its target and its body. */
export function requestFingerprint(
  scope: string,
  resourceId: string | null,
  body: unknown,
): string {
  return sha256Hex(canonicalJson({ scope, resourceId, body }));
}

/**
 * Idempotency-Key records, per caller and key (any write route may use this). Call `lookup`
 * inside the transaction after locking the target, and `save` in the same transaction as the
 * change, so a replay can never see half a change and two racing requests with one key serialise
 * (the second blocks on the primary key, fails, and its retry finds the first answer).
 */
@Injectable()
export class IdempotencyService {
  constructor(private readonly repository: IdempotencyRepository) {}

  lookup(
    manager: EntityManager,
    principalId: string,
    key: string,
  ): Promise<IdempotencyRecord | null> {
    return this.repository.find(manager, principalId, key);
  }

  /** The stored answer when the request is the same one; 422 when the key was used for another. */
  replay(record: IdempotencyRecord, requestHash: string): StoredAnswer {
    if (record.requestHash !== requestHash) {
      throw new ProblemException(422, 'idempotency-key-reused', msg('http.idempotencyReused'));
    }
    return { status: record.status, body: record.body };
  }

  async save(
    manager: EntityManager,
    entry: {
      principalId: string;
      key: string;
      scope: string;
      requestHash: string;
      resourceId: string | null;
      answer: StoredAnswer;
    },
  ): Promise<void> {
    await this.repository.insert(manager, {
      principalId: entry.principalId,
      key: entry.key,
      scope: entry.scope,
      requestHash: entry.requestHash,
      resourceId: entry.resourceId,
      status: entry.answer.status,
      body: entry.answer.body,
    });
  }
}
