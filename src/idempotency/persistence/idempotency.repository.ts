import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** One stored `idempotency_key` row, as read back. */
export interface IdempotencyRow {
  requestHash: string;
  scope: string;
  status: number;
  body: Record<string, unknown>;
}

/** The `idempotency_key` table: first answers per caller and key. */
@Injectable()
export class IdempotencyRepository {
  async find(
    manager: EntityManager,
    principalId: string,
    key: string,
  ): Promise<IdempotencyRow | null> {
    const rows: Array<{ request_hash: string; scope: string; status: number; body: any }> =
      await manager.query(
        `SELECT request_hash, scope, status, body FROM idempotency_key WHERE principal_id = $1 AND key = $2`,
        [principalId, key],
      );
    if (rows.length === 0) return null;
    const r = rows[0];
    return { requestHash: r.request_hash, scope: r.scope, status: r.status, body: r.body };
  }

  /** Fails on `idempotency_key_pkey` when another request saved an answer under the key first. */
  async insert(
    manager: EntityManager,
    row: IdempotencyRow & { principalId: string; key: string; resourceId: string | null },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO idempotency_key (principal_id, key, scope, request_hash, status, body, resource_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        row.principalId,
        row.key,
        row.scope,
        row.requestHash,
        row.status,
        JSON.stringify(row.body),
        row.resourceId,
      ],
    );
  }
}
