import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Consultation feedback (ý kiến tham vấn) on the rounds the workflow opens: the items with their
 * target and evidence, their attachments (kept in the database with a checksum), the ministry's
 * answer to each (tiếp thu, giải trình) with every earlier version, and an outbox of consultation
 * events for the integration layer. SQL accepted by PostgreSQL 15 and PGlite (18).
 */
export class Consultation1764190500000 implements MigrationInterface {
  name = 'Consultation1764190500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE consultation_feedback (
        id uuid PRIMARY KEY,
        round_id uuid NOT NULL REFERENCES consultation_round (id),
        regulation_id uuid NOT NULL REFERENCES regulation (id),
        cycle integer NOT NULL CHECK (cycle >= 1),
        round varchar(20) NOT NULL CHECK (round IN ('expert', 'association')),
        author_id uuid NOT NULL REFERENCES app_user (id),
        author_role varchar(30) NOT NULL,
        author_agency_id uuid NOT NULL REFERENCES agency (id),
        content text NOT NULL,
        -- what the item disputes: the regulation, the plan, or one field of an estimate
        target_kind varchar(20) CHECK (target_kind IN ('regulation', 'plan', 'cost_field')),
        target_estimate varchar(10) CHECK (target_estimate IN ('baseline', 'proposed')),
        target_field varchar(60),
        -- the disputed field's value and the estimate's version when the item was given
        target_value varchar(64),
        target_estimate_version integer,
        -- structured evidence (bằng chứng) as exact decimals; money in VND per compliance
        evidence_subjects numeric,
        evidence_frequency numeric,
        evidence_hours numeric,
        evidence_amount numeric,
        evidence_note text,
        -- millisecond precision: keyset cursors carry it exactly
        created_at timestamptz(3) NOT NULL,
        -- set when the cycle is submitted to the Government Office: the answers become public
        published_at timestamptz,
        CHECK ((target_kind = 'cost_field') = (target_estimate IS NOT NULL AND target_field IS NOT NULL)),
        CHECK (target_kind IS NOT NULL OR (target_estimate IS NULL AND target_field IS NULL))
      )`);
    await q.query(
      `CREATE INDEX consultation_feedback_regulation ON consultation_feedback (regulation_id, created_at, id)`,
    );
    await q.query(
      `CREATE INDEX consultation_feedback_cycle ON consultation_feedback (regulation_id, cycle, round, author_id)`,
    );
    await q.query(
      `CREATE INDEX consultation_feedback_author ON consultation_feedback (author_id, created_at, id)`,
    );
    await q.query(`CREATE INDEX consultation_feedback_round ON consultation_feedback (round_id)`);

    await q.query(`
      CREATE TABLE feedback_attachment (
        id uuid PRIMARY KEY,
        feedback_id uuid NOT NULL REFERENCES consultation_feedback (id),
        -- the name offered on download (its extension matches the type recognised from the
        -- bytes, never from the name), and the name the uploader gave
        filename varchar(255) NOT NULL,
        declared_filename varchar(255),
        file_type varchar(10) NOT NULL CHECK (file_type IN ('pdf', 'docx', 'xlsx', 'png', 'jpeg')),
        media_type varchar(100) NOT NULL,
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        sha256 char(64) NOT NULL,
        content bytea NOT NULL,
        uploaded_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz(3) NOT NULL
      )`);
    await q.query(
      `CREATE INDEX feedback_attachment_feedback ON feedback_attachment (feedback_id, created_at, id)`,
    );

    // Tiếp thu, giải trình: the current answer to an item ...
    await q.query(`
      CREATE TABLE feedback_response (
        feedback_id uuid PRIMARY KEY REFERENCES consultation_feedback (id),
        regulation_id uuid NOT NULL REFERENCES regulation (id),
        version integer NOT NULL CHECK (version >= 1),
        disposition varchar(20) NOT NULL CHECK (disposition IN ('accepted', 'partially_accepted', 'rejected')),
        explanation text NOT NULL,
        -- the value this answer gave the disputed cost field (decimal string), null when none
        re_estimate_value varchar(64),
        -- the item's effect on the estimate and the savings, from before its first re-estimate
        cost_effect jsonb,
        -- a user or an API key of the owning agency
        answered_by_id uuid NOT NULL,
        answered_by_kind varchar(10) NOT NULL CHECK (answered_by_kind IN ('user', 'api_key')),
        answered_by_user_id uuid REFERENCES app_user (id),
        answered_at timestamptz NOT NULL,
        first_answered_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX feedback_response_regulation ON feedback_response (regulation_id)`);
    // ... and every version of it, corrections included.
    await q.query(`
      CREATE TABLE feedback_response_history (
        -- the order of the answers (and their estimate writes): they serialise per regulation
        seq bigserial NOT NULL,
        feedback_id uuid NOT NULL REFERENCES consultation_feedback (id),
        version integer NOT NULL CHECK (version >= 1),
        disposition varchar(20) NOT NULL,
        explanation text NOT NULL,
        re_estimate_value varchar(64),
        -- what this version wrote to the estimate (one new estimate version), null when nothing
        estimate_write jsonb,
        answered_by_id uuid NOT NULL,
        answered_by_kind varchar(10) NOT NULL,
        answered_by_user_id uuid REFERENCES app_user (id),
        answered_at timestamptz NOT NULL,
        PRIMARY KEY (feedback_id, version)
      )`);

    // Transactional outbox of consultation events, written in the transaction that caused them.
    await q.query(`
      CREATE TABLE consultation_outbox (
        id bigserial PRIMARY KEY,
        topic varchar(100) NOT NULL,
        regulation_id uuid NOT NULL,
        round_id uuid,
        feedback_id uuid,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        dispatched_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX consultation_outbox_pending ON consultation_outbox (id) WHERE dispatched_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'consultation_outbox',
      'feedback_response_history',
      'feedback_response',
      'feedback_attachment',
      'consultation_feedback',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
