import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Integration with LGSP/NGSP (issue 13): the change feed, webhook subscriptions and their durable
 * deliveries, and an outbox for the changes that have no outbox of their own (a regulation filed,
 * an estimate changed), written by statement-level triggers in the transaction of the change so
 * every write path (the API, the import, the recalculation) is covered. SQL accepted by
 * PostgreSQL 15 and PGlite (18).
 */
export class Integration1796292145946 implements MigrationInterface {
  name = 'Integration1796292145946';

  async up(q: QueryRunner): Promise<void> {
    // One id sequence for every outbox: writes to one record are serialised by its row lock, so
    // their ids follow their order across tables, and the relay merges the tables by id.
    await q.query(`CREATE SEQUENCE outbox_id_seq`);
    await q.query(`
      SELECT setval('outbox_id_seq', greatest(
        (SELECT coalesce(max(id), 0) FROM workflow_outbox),
        (SELECT coalesce(max(id), 0) FROM consultation_outbox), 1))`);
    await q.query(
      `ALTER TABLE workflow_outbox ALTER COLUMN id SET DEFAULT nextval('outbox_id_seq')`,
    );
    await q.query(
      `ALTER TABLE consultation_outbox ALTER COLUMN id SET DEFAULT nextval('outbox_id_seq')`,
    );
    // Same shape as workflow_outbox and consultation_outbox: the relay reads all three alike.
    await q.query(`
      CREATE TABLE integration_outbox (
        id bigint PRIMARY KEY DEFAULT nextval('outbox_id_seq'),
        topic varchar(100) NOT NULL,
        regulation_id uuid NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        dispatched_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX integration_outbox_pending ON integration_outbox (id) WHERE dispatched_at IS NULL`,
    );

    await q.query(`
      CREATE FUNCTION integration_on_regulation_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO integration_outbox (topic, regulation_id, payload, created_at)
        SELECT 'regulation.created', r.id,
               jsonb_build_object('regulationId', r.id, 'agencyId', r.agency_id,
                 'legalDocumentId', r.legal_document_id, 'provision', r.provision, 'title', r.title,
                 'category', r.category, 'sector', r.sector_code, 'procedureCode', r.procedure_code,
                 'state', r.state_name, 'version', r.version, 'published', r.published,
                 'createdBy', r.created_by),
               r.created_at
          FROM integration_new_regulations r;
        RETURN NULL;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER integration_regulation_insert AFTER INSERT ON regulation
      REFERENCING NEW TABLE AS integration_new_regulations
      FOR EACH STATEMENT EXECUTE FUNCTION integration_on_regulation_insert()`);

    // Every estimate version has a history row (EstimateWriter, the single write path).
    await q.query(`
      CREATE FUNCTION integration_on_estimate_history() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO integration_outbox (topic, regulation_id, payload, created_at)
        SELECT 'estimate.changed', h.regulation_id,
               jsonb_build_object('regulationId', h.regulation_id, 'agencyId', r.agency_id,
                 'planPublic', r.plan_public, 'estimateId', h.estimate_id, 'kind', h.kind,
                 'version', h.version, 'parameterSetId', h.parameter_set_id,
                 'annualCost', h.annual_cost::text, 'source', h.source, 'reason', h.reason,
                 'feedbackId', h.feedback_id, 'changedBy', h.changed_by),
               h.changed_at
          FROM integration_new_estimate_versions h
          JOIN regulation r ON r.id = h.regulation_id
         ORDER BY h.id;
        RETURN NULL;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER integration_estimate_history_insert AFTER INSERT ON cost_estimate_history
      REFERENCING NEW TABLE AS integration_new_estimate_versions
      FOR EACH STATEMENT EXECUTE FUNCTION integration_on_estimate_history()`);

    // The change feed: seq is stamped by one sequencer at a time (advisory lock), in the order the
    // sequencer saw rows committed, so a reader that stores its last seq misses nothing.
    await q.query(`
      CREATE TABLE integration_event (
        seq bigint PRIMARY KEY CHECK (seq >= 1),
        id uuid NOT NULL UNIQUE,
        type varchar(60) NOT NULL,
        regulation_id uuid,
        agency_id uuid,
        -- whether the public (and every logged-in user) may see it, and what of it they see
        is_public boolean NOT NULL,
        occurred_at timestamptz NOT NULL,
        data jsonb NOT NULL,
        public_data jsonb,
        source varchar(40) NOT NULL,
        source_id bigint NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (source, source_id, type)
      )`);
    await q.query(`CREATE INDEX integration_event_agency ON integration_event (agency_id, seq)`);
    await q.query(
      `CREATE INDEX integration_event_public ON integration_event (seq) WHERE is_public`,
    );

    await q.query(`
      CREATE TABLE webhook_subscription (
        id uuid PRIMARY KEY,
        url varchar(2000) NOT NULL,
        events text[] NOT NULL,
        description varchar(500),
        -- null: every record (admin, gov_office); else only this agency's records
        agency_id uuid REFERENCES agency (id),
        created_by uuid,
        created_by_role varchar(30) NOT NULL,
        active boolean NOT NULL DEFAULT true,
        disabled_reason text,
        -- AES-256-GCM under a key derived from JWT_SECRET; never returned after creation
        secret_enc text NOT NULL,
        previous_secret_enc text,
        previous_secret_expires_at timestamptz,
        failing_since timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE INDEX webhook_subscription_agency ON webhook_subscription (agency_id, created_at, id)`,
    );

    // One durable row per (subscription, event); claimed by any worker under a lease.
    await q.query(`
      CREATE TABLE webhook_delivery (
        id uuid PRIMARY KEY,
        subscription_id uuid NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
        event_id uuid NOT NULL,
        event_seq bigint,
        event_type varchar(60) NOT NULL,
        regulation_id uuid,
        body text NOT NULL,
        status varchar(12) NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        lease_until timestamptz,
        lease_token uuid,
        last_status integer,
        last_error text,
        created_at timestamptz NOT NULL,
        completed_at timestamptz,
        UNIQUE (subscription_id, event_id)
      )`);
    await q.query(
      `CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'pending'`,
    );
    await q.query(
      `CREATE INDEX webhook_delivery_record ON webhook_delivery (subscription_id, regulation_id, event_seq) WHERE status = 'pending'`,
    );
    await q.query(
      `CREATE INDEX webhook_delivery_page ON webhook_delivery (subscription_id, created_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX webhook_delivery_done ON webhook_delivery (completed_at) WHERE status <> 'pending'`,
    );
    await q.query(`
      CREATE TABLE webhook_attempt (
        id bigserial PRIMARY KEY,
        delivery_id uuid NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
        attempt integer NOT NULL,
        at timestamptz NOT NULL,
        status_code integer,
        error text,
        duration_ms integer NOT NULL
      )`);
    await q.query(`CREATE INDEX webhook_attempt_delivery ON webhook_attempt (delivery_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER integration_estimate_history_insert ON cost_estimate_history`);
    await q.query(`DROP TRIGGER integration_regulation_insert ON regulation`);
    await q.query(`DROP FUNCTION integration_on_estimate_history()`);
    await q.query(`DROP FUNCTION integration_on_regulation_insert()`);
    await q.query(
      `ALTER TABLE workflow_outbox ALTER COLUMN id SET DEFAULT nextval('workflow_outbox_id_seq')`,
    );
    await q.query(
      `ALTER TABLE consultation_outbox ALTER COLUMN id SET DEFAULT nextval('consultation_outbox_id_seq')`,
    );
    for (const t of [
      'webhook_attempt',
      'webhook_delivery',
      'webhook_subscription',
      'integration_event',
      'integration_outbox',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
    await q.query(`DROP SEQUENCE outbox_id_seq`);
  }
}
