import { Injectable } from '@nestjs/common';
import type { PoolClient, QueryConfig } from 'pg';
import { DataSource } from 'typeorm';
import { pgPool } from '../../database/pg-pool';
import { Tx } from '../../database/transaction-runner';
import type { PersistedWorkflowSnapshot } from '../domain';
import { isUuid } from '../../common/ids';

/** The head (last entry) of a regulation's history chain. */
export interface HistoryHead {
  seq: number;
  hash: string;
}

/** A regulation as a transition reads it: its snapshot, version and the head of its chain. */
export interface RegulationForTransition {
  id: string;
  agency_id: string;
  workflow_snapshot: PersistedWorkflowSnapshot;
  version: number;
  published: boolean;
  plan_public: boolean;
  head: HistoryHead | null;
}

/** Everything one accepted transition writes: the row, the history entry, the outbox row. */
export interface TransitionWrite {
  id: string;
  /** The version read: the compare-and-set's condition. */
  expectedVersion: number;
  snapshot: string;
  machineVersion: number;
  state: string;
  stateName: string;
  publish: boolean;
  planPublic: boolean;
  at: Date;
  updatedBy: string | null;
  seq: number;
  actorId: string | null;
  actorKind: string;
  actorRole: string;
  actorAgencyId: string | null;
  event: string;
  fromState: string;
  fromStateName: string;
  payload: string;
  prevHash: string | null;
  hash: string;
  outbox: string;
}

const READ_COLUMNS = `r.id, r.agency_id, r.workflow_snapshot, r.version, r.published, r.plan_public`;
const HEAD = `(SELECT jsonb_build_object('seq', h.seq, 'hash', h.hash) FROM workflow_history h
                WHERE h.regulation_id = r.id ORDER BY h.seq DESC LIMIT 1) AS head`;

const LOCK_SQL = `SELECT ${READ_COLUMNS}, r.xmin::text AS locked_xmin,
       (SELECT s.xmin::text FROM regulation s WHERE s.id = r.id) AS seen_xmin, ${HEAD}
  FROM regulation r WHERE r.id = $1 FOR UPDATE OF r`;

// One statement, one snapshot: the head read belongs to the version read.
const READ_SQL = `SELECT ${READ_COLUMNS}, ${HEAD} FROM regulation r WHERE r.id = $1`;

const HEAD_SQL = `SELECT seq, hash FROM workflow_history WHERE regulation_id = $1
  ORDER BY seq DESC LIMIT 1`;

// The row by compare-and-set on its version, the hash-chained history entry and the outbox row:
// one statement, so it is atomic on its own and needs no transaction around it.
const WRITE_SQL = `WITH upd AS (
   UPDATE regulation
      SET workflow_snapshot = $3::jsonb, machine_version = $4, state = $5::jsonb, state_name = $6,
          published = published OR $7, plan_public = plan_public OR $8,
          version = version + 1, updated_at = $9, updated_by = COALESCE($10, updated_by)
    WHERE id = $1 AND version = $2
    RETURNING id, version
 ), hist AS (
   INSERT INTO workflow_history (regulation_id, seq, at, actor_id, actor_kind, actor_role,
          actor_agency_id, event, from_state, to_state, from_state_name, to_state_name, payload,
          machine_version, prev_hash, hash)
   SELECT id, $11, $9, $12, $13, $14, $15, $16, $17::jsonb, $5::jsonb, $18, $6, $19::jsonb, $4, $20, $21
     FROM upd
 ), outbox AS (
   INSERT INTO workflow_outbox (topic, regulation_id, seq, payload, created_at)
   SELECT 'regulation.transitioned', id, $11, $22::jsonb, $9 FROM upd
 )
 SELECT version FROM upd`;

/**
 * The workflow's statements on the hot path, as named prepared statements on plain `pg` (parsed
 * once per connection): inside a transaction on its connection, or alone on the pool.
 */
@Injectable()
export class WorkflowRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Locks the row for the transaction and reads the head of its chain in the same round trip. If
   * the statement waited for the lock while another transition committed, its subquery saw the
   * chain before that commit: the locked row version (xmin) then differs from the one in the
   * statement's snapshot, and the head is read again.
   */
  async lock(tx: Tx, regulationId: string): Promise<RegulationForTransition | null> {
    if (!isUuid(regulationId)) return null;
    const client = await connectionOf(tx);
    const { rows } = await client.query(named('workflow.lock', LOCK_SQL, [regulationId]));
    const row = rows[0];
    if (!row) return null;
    const head =
      row.locked_xmin === row.seen_xmin ? row.head : await this.readHead(client, regulationId);
    return toRegulation(row, head);
  }

  /** The committed row and its chain head, without a lock or a transaction (one round trip). */
  async read(regulationId: string): Promise<RegulationForTransition | null> {
    if (!isUuid(regulationId)) return null;
    const { rows } = await pgPool(this.dataSource).query(
      named('workflow.read', READ_SQL, [regulationId]),
    );
    return rows[0] ? toRegulation(rows[0], rows[0].head) : null;
  }

  /**
   * Writes a transition in the caller's transaction, or alone (autocommit) when `tx` is null.
   * Returns the new version, or null when the version is no longer the one read.
   */
  async write(tx: Tx | null, w: TransitionWrite): Promise<number | null> {
    const query = named('workflow.write', WRITE_SQL, [
      w.id,
      w.expectedVersion,
      w.snapshot,
      w.machineVersion,
      w.state,
      w.stateName,
      w.publish,
      w.planPublic,
      w.at,
      w.updatedBy,
      w.seq,
      w.actorId,
      w.actorKind,
      w.actorRole,
      w.actorAgencyId,
      w.event,
      w.fromState,
      w.fromStateName,
      w.payload,
      w.prevHash,
      w.hash,
      w.outbox,
    ]);
    const { rows } = tx
      ? await (await connectionOf(tx)).query(query)
      : await pgPool(this.dataSource).query(query);
    return rows[0] ? Number(rows[0].version) : null;
  }

  private async readHead(client: PoolClient, regulationId: string): Promise<HistoryHead | null> {
    const { rows } = await client.query(named('workflow.head', HEAD_SQL, [regulationId]));
    return rows[0] ? { seq: Number(rows[0].seq), hash: rows[0].hash } : null;
  }
}

function named(name: string, text: string, values: unknown[]): QueryConfig {
  return { name, text, values };
}

/** The transaction's own connection (TypeORM's query runner holds it for the transaction). */
async function connectionOf(tx: Tx): Promise<PoolClient> {
  const runner = tx.manager.queryRunner;
  if (!runner) throw new Error('a transaction without a query runner');
  return (await runner.connect()) as PoolClient;
}

function toRegulation(row: Record<string, any>, head: HistoryHead | null): RegulationForTransition {
  return {
    id: row.id,
    agency_id: row.agency_id,
    workflow_snapshot: row.workflow_snapshot,
    version: row.version,
    published: row.published,
    plan_public: row.plan_public,
    head: head ? { seq: Number(head.seq), hash: head.hash } : null,
  };
}
