import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ProblemException } from '../../common/problem';
import { canonicalJson, sha256Hex } from '../history/history-chain';
import { msg } from '../../common/i18n/catalogue';

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
  async lookup(
    manager: EntityManager,
    principalId: string,
    key: string,
  ): Promise<IdempotencyRecord | null> {
    const rows: Array<{ request_hash: string; scope: string; status: number; body: any }> =
      await manager.query(
        `SELECT request_hash, scope, status, body FROM idempotency_key WHERE principal_id = $1 AND key = $2`,
        [principalId, key],
      );
    if (rows.length === 0) return null;
    const r = rows[0];
    return { requestHash: r.request_hash, scope: r.scope, status: r.status, body: r.body };
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
    await manager.query(
      `INSERT INTO idempotency_key (principal_id, key, scope, request_hash, status, body, resource_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        entry.principalId,
        entry.key,
        entry.scope,
        entry.requestHash,
        entry.answer.status,
        JSON.stringify(entry.answer.body),
        entry.resourceId,
      ],
    );
  }
}
