import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The workflow's persistence beside `regulation.workflow_snapshot`: the hash-chained history of
 * every accepted event, an outbox of transitions for side effects, idempotency records of
 * transition requests, and the consultation rounds (tham vấn) opened by OPEN_CONSULTATION.
 * SQL accepted by PostgreSQL 15 and PGlite (18).
 */
export class Workflow1764190300000 implements MigrationInterface {
  name = 'Workflow1764190300000';

  async up(q: QueryRunner): Promise<void> {
    // One row per accepted event, chained: hash = sha256(prev_hash + canonical entry).
    await q.query(`
      CREATE TABLE workflow_history (
        regulation_id uuid NOT NULL REFERENCES regulation (id),
        seq integer NOT NULL CHECK (seq >= 1),
        at timestamptz NOT NULL,
        -- a user id, an API key id, or NULL for the timer service (actor_kind 'system')
        actor_id uuid,
        actor_kind varchar(20) NOT NULL CHECK (actor_kind IN ('user', 'api_key', 'system')),
        actor_role varchar(30) NOT NULL,
        actor_agency_id uuid,
        event varchar(60) NOT NULL,
        from_state jsonb NOT NULL,
        to_state jsonb NOT NULL,
        from_state_name varchar(40) NOT NULL,
        to_state_name varchar(40) NOT NULL,
        payload jsonb NOT NULL DEFAULT '{}'::jsonb,
        machine_version integer NOT NULL,
        prev_hash char(64) NOT NULL,
        hash char(64) NOT NULL,
        PRIMARY KEY (regulation_id, seq)
      )`);
    await q.query(`CREATE INDEX workflow_history_at ON workflow_history (at)`);

    // Transactional outbox: written with the transition, read by whoever delivers side effects.
    await q.query(`
      CREATE TABLE workflow_outbox (
        id bigserial PRIMARY KEY,
        topic varchar(100) NOT NULL,
        regulation_id uuid NOT NULL,
        seq integer NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        dispatched_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX workflow_outbox_pending ON workflow_outbox (id) WHERE dispatched_at IS NULL`,
    );

    // The first answer to a request sent with an Idempotency-Key, per caller and key.
    await q.query(`
      CREATE TABLE idempotency_key (
        principal_id uuid NOT NULL,
        key varchar(200) NOT NULL,
        scope varchar(100) NOT NULL,
        request_hash char(64) NOT NULL,
        status integer NOT NULL,
        body jsonb NOT NULL,
        resource_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (principal_id, key)
      )`);
    await q.query(`CREATE INDEX idempotency_key_created ON idempotency_key (created_at)`);

    // Vòng tham vấn: an expert round and an association round per consultation cycle.
    await q.query(`
      CREATE TABLE consultation_round (
        id uuid PRIMARY KEY,
        regulation_id uuid NOT NULL REFERENCES regulation (id),
        cycle integer NOT NULL CHECK (cycle >= 1),
        round varchar(20) NOT NULL CHECK (round IN ('expert', 'association')),
        opens_at timestamptz NOT NULL,
        closes_at timestamptz NOT NULL,
        status varchar(10) NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
        invited_expert_ids uuid[] NOT NULL DEFAULT '{}',
        closed_at timestamptz,
        -- early (every expert answered), deadline (the timer), withdrawn (the regulation was)
        close_reason varchar(20) CHECK (close_reason IN ('early', 'deadline', 'withdrawn')),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (regulation_id, cycle, round),
        CHECK ((status = 'closed') = (closed_at IS NOT NULL))
      )`);
    await q.query(
      `CREATE INDEX consultation_round_page ON consultation_round (status, closes_at, id)`,
    );
    await q.query(`CREATE INDEX consultation_round_all_page ON consultation_round (closes_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'consultation_round',
      'idempotency_key',
      'workflow_outbox',
      'workflow_history',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
