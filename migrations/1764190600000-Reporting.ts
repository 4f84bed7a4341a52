import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Decisions (quyết định phê duyệt phương án) and the targets ledger (domain.md §5, §7).
 *
 * The ledger has two tables:
 * - `progress_line`: what each regulation currently contributes (one row per regulation): its
 *   stage, the programmes in whose baseline it is, its recurring business baseline cost, its
 *   plan's programme and savings, the dates of its decision and implementation. It is also what
 *   drill-downs and the overdue list read.
 * - `progress_delta`: insert-only deltas per (programme, agency, bucket, in baseline, month),
 *   summed at read time. Writers never update a shared row, so they never wait on each other;
 *   `progress_compact()` folds the deltas into one row per key now and then.
 *
 * `progress_refresh(ids)` recomputes the lines of some regulations from the base tables (the view
 * `progress_line_fresh`), inserts the difference of their contributions as deltas and stores the
 * new lines, in the caller's transaction. The application calls it from the workflow's and the
 * plan's hooks (once per request); statement-level triggers call it for estimate writes (a
 * recalculation writes hundreds in one statement) and for the writes of the register that have
 * no hook (a new regulation, a corrected category or document, a corrected document date, a
 * programme's baseline date or categories), so no figure can go stale.
 *
 * SQL accepted by PostgreSQL 15 and PGlite (18).
 */
export class Reporting1764190600000 implements MigrationInterface {
  name = 'Reporting1764190600000';

  async up(q: QueryRunner): Promise<void> {
    // One decision of the Prime Minister as it applies to one agency's regulations.
    await q.query(`
      CREATE TABLE decision (
        id uuid PRIMARY KEY,
        -- canonical form (normalizeDocumentNumber), e.g. 1661/QĐ-TTg
        number varchar(64) NOT NULL,
        decision_date date NOT NULL,
        agency_id uuid NOT NULL REFERENCES agency (id),
        outcome varchar(10) NOT NULL CHECK (outcome IN ('approved', 'rejected')),
        implementation_deadline timestamptz,
        -- batch: POST /decisions; event: RECORD_DECISION sent on one regulation
        source varchar(10) NOT NULL CHECK (source IN ('batch', 'event')),
        recorded_by uuid,
        recorded_by_kind varchar(10) NOT NULL,
        -- millisecond precision: keyset cursors carry it exactly
        recorded_at timestamptz(3) NOT NULL,
        CHECK (outcome = 'rejected' OR implementation_deadline IS NOT NULL)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX decision_identity ON decision (upper(number), decision_date, agency_id)`,
    );
    await q.query(`CREATE INDEX decision_page ON decision (decision_date, id)`);
    await q.query(`CREATE INDEX decision_agency_page ON decision (agency_id, decision_date, id)`);
    await q.query(`
      CREATE TABLE decision_regulation (
        decision_id uuid NOT NULL REFERENCES decision (id),
        regulation_id uuid NOT NULL REFERENCES regulation (id),
        outcome varchar(10) NOT NULL,
        implementation_deadline timestamptz,
        -- the RECORD_DECISION entry of the regulation's history
        history_seq integer NOT NULL,
        recorded_at timestamptz NOT NULL,
        PRIMARY KEY (decision_id, regulation_id)
      )`);
    // A regulation is decided once: awaiting_decision leads only to implementing or rejected.
    await q.query(
      `CREATE UNIQUE INDEX decision_regulation_once ON decision_regulation (regulation_id)`,
    );

    await q.query(`
      CREATE TABLE progress_line (
        regulation_id uuid PRIMARY KEY,
        agency_id uuid NOT NULL,
        -- other | pipeline | approved (implementing) | implemented | rejected
        stage varchar(12) NOT NULL,
        overdue boolean NOT NULL,
        baseline_programme_ids uuid[] NOT NULL,
        -- has a baseline estimate (costed coverage)
        costed boolean NOT NULL,
        -- the baseline annual cost when it is a recurring business cost, else 0 (whole VND)
        baseline_cost numeric NOT NULL,
        plan_programme_id uuid,
        plan_action varchar(20),
        -- recurring business baseline − proposed (abolish ⇒ 0), rounded once (whole VND)
        savings numeric,
        approved_on date,
        implemented_on date,
        implementation_deadline timestamptz,
        refreshed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX progress_line_agency ON progress_line (agency_id, regulation_id)`);
    await q.query(
      `CREATE INDEX progress_line_plan ON progress_line (plan_programme_id, stage, regulation_id) WHERE plan_programme_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX progress_line_overdue ON progress_line (implementation_deadline, regulation_id) WHERE overdue`,
    );

    await q.query(`
      CREATE TABLE progress_delta (
        id bigserial PRIMARY KEY,
        programme_id uuid NOT NULL,
        agency_id uuid NOT NULL,
        -- baseline | pipeline | approved | implemented | overdue
        bucket varchar(12) NOT NULL,
        -- counts toward the programme's targets (the regulation is in its baseline)
        in_baseline boolean NOT NULL,
        -- yyyymm of the decision (approved) or of the amending document's effect (implemented); 0 otherwise
        month integer NOT NULL,
        n bigint NOT NULL,
        costed bigint NOT NULL,
        amount numeric NOT NULL
      )`);
    await q.query(`CREATE INDEX progress_delta_key ON progress_delta (programme_id, agency_id)`);

    // round(b − p) half up (ties away from zero) for exact annual costs "n/d" or "n", as
    // Rational.toFixed(0): savings are rounded once, from the unrounded figures.
    await q.query(`
      CREATE FUNCTION progress_savings(b text, p text) RETURNS numeric
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
        SELECT sign(x.num) * div(2 * abs(x.num) + x.den, 2 * x.den)
          FROM (SELECT f.bn * f.pd - f.pn * f.bd AS num, f.bd * f.pd AS den
                  FROM (SELECT split_part($1, '/', 1)::numeric AS bn,
                               COALESCE(NULLIF(split_part($1, '/', 2), ''), '1')::numeric AS bd,
                               split_part($2, '/', 1)::numeric AS pn,
                               COALESCE(NULLIF(split_part($2, '/', 2), ''), '1')::numeric AS pd) f) x
      $$`);
    await q.query(`
      CREATE FUNCTION progress_month(d date) RETURNS integer
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN $1 IS NULL THEN 0
                    ELSE (extract(year FROM $1) * 100 + extract(month FROM $1))::integer END
      $$`);

    // What a regulation's line is now, from the base tables: the one definition of the ledger.
    await q.query(`
      CREATE VIEW progress_line_fresh AS
      SELECT r.id AS regulation_id,
             r.agency_id,
             CASE r.state_name
               WHEN 'government_office_review' THEN 'pipeline'
               WHEN 'awaiting_decision' THEN 'pipeline'
               WHEN 'implementing' THEN 'approved'
               WHEN 'implemented' THEN 'implemented'
               WHEN 'rejected' THEN 'rejected'
               ELSE 'other' END::varchar(12) AS stage,
             (r.state_name = 'implementing' AND r.state ->> 'implementing' = 'overdue') AS overdue,
             ARRAY(SELECT p.id FROM programme p
                    WHERE d.effective_on <= p.baseline_date
                      AND (d.expired_on IS NULL OR d.expired_on > p.baseline_date)
                      AND r.category = ANY (p.categories)
                    ORDER BY p.id) AS baseline_programme_ids,
             (b.id IS NOT NULL) AS costed,
             CASE WHEN b.subject_type = 'business' AND b.cost_kind = 'recurring'
                  THEN b.annual_cost ELSE 0 END AS baseline_cost,
             pl.programme_id AS plan_programme_id,
             pl.action AS plan_action,
             CASE WHEN pl.regulation_id IS NULL OR b.id IS NULL
                       OR (pl.action <> 'abolish' AND pe.id IS NULL) THEN NULL
                  ELSE progress_savings(
                    CASE WHEN b.subject_type = 'business' AND b.cost_kind = 'recurring'
                         THEN b.annual_cost_exact ELSE '0' END,
                    CASE WHEN pl.action <> 'abolish' AND pe.subject_type = 'business'
                              AND pe.cost_kind = 'recurring'
                         THEN pe.annual_cost_exact ELSE '0' END) END AS savings,
             CASE WHEN r.state_name IN ('implementing', 'implemented')
                  THEN (r.workflow_snapshot #>> '{snapshot,context,decision,decisionDate}')::date
                  END AS approved_on,
             CASE WHEN r.state_name = 'implemented'
                  THEN (r.workflow_snapshot #>> '{snapshot,context,implementation,effectiveDate}')::date
                  END AS implemented_on,
             CASE WHEN r.state_name IN ('implementing', 'implemented')
                  THEN (r.workflow_snapshot #>> '{snapshot,context,decision,implementationDeadline}')::timestamptz
                  END AS implementation_deadline
        FROM regulation r
        JOIN legal_document d ON d.id = r.legal_document_id
        LEFT JOIN cost_estimate b ON b.regulation_id = r.id AND b.kind = 'baseline'
        LEFT JOIN cost_estimate pe ON pe.regulation_id = r.id AND pe.kind = 'proposed'
        LEFT JOIN regulation_plan pl ON pl.regulation_id = r.id`);

    // The aggregate rows one line contributes (sign them +1 / −1 for a delta).
    await q.query(`
      CREATE FUNCTION progress_contributions(
        agency_id uuid, stage text, overdue boolean, baseline_programme_ids uuid[], costed boolean,
        baseline_cost numeric, plan_programme_id uuid, savings numeric, approved_on date,
        implemented_on date)
      RETURNS TABLE (c_programme_id uuid, c_agency_id uuid, c_bucket text, c_in_baseline boolean,
                     c_month integer, c_n integer, c_costed integer, c_amount numeric)
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT p, $1, 'baseline', true, 0, 1, CASE WHEN $5 THEN 1 ELSE 0 END, $6
          FROM unnest($4) AS p
        UNION ALL
        SELECT $7, $1, b.bucket, $7 = ANY ($4), b.month, 1,
               CASE WHEN $8 IS NULL THEN 0 ELSE 1 END, COALESCE($8, 0)
          FROM (VALUES ('pipeline', 0, $2 = 'pipeline'),
                       ('approved', progress_month($9), $2 IN ('approved', 'implemented')),
                       ('implemented', progress_month($10), $2 = 'implemented'),
                       ('overdue', 0, $2 = 'approved' AND $3)) AS b (bucket, month, applies)
         WHERE $7 IS NOT NULL AND b.applies
      $$`);

    await q.query(`
      CREATE FUNCTION progress_refresh(ids uuid[], lock_regulations boolean DEFAULT true)
      RETURNS integer LANGUAGE plpgsql
      -- The planner cannot know how many ids come in, overestimates, and would JIT-compile the
      -- statement below for about a second, each time, to refresh a few lines (bench B4).
      SET jit = off
      AS $$
      DECLARE
        written integer;
      BEGIN
        IF ids IS NULL OR cardinality(ids) = 0 THEN
          RETURN 0;
        END IF;
        -- The regulation rows first, in id order (the rule of every multi-row writer): a line is
        -- recomputed by one transaction at a time, from state that cannot change until commit.
        -- Ids are matched through unnest(), never "= ANY (ids)": on a sequential scan that tests
        -- every row against the whole array (a 1,000-id batch took a second on 10,000 rows).
        IF lock_regulations THEN
          PERFORM 1 FROM regulation WHERE id IN (SELECT unnest(ids)) ORDER BY id FOR UPDATE;
        END IF;
        -- Waits while progress_rebuild() holds the ledger; the next statement then sees its result.
        PERFORM 1 FROM progress_line WHERE regulation_id IN (SELECT unnest(ids))
          ORDER BY regulation_id FOR UPDATE;
        WITH wanted AS (
          SELECT DISTINCT unnest(ids) AS id
        ), fresh AS (
          SELECT f.* FROM progress_line_fresh f WHERE f.regulation_id IN (SELECT id FROM wanted)
        ), old AS (
          SELECT l.* FROM progress_line l WHERE l.regulation_id IN (SELECT id FROM wanted)
        ), contrib AS (
          SELECT c.*, 1 AS sign FROM fresh f, LATERAL progress_contributions(
            f.agency_id, f.stage, f.overdue, f.baseline_programme_ids, f.costed, f.baseline_cost,
            f.plan_programme_id, f.savings, f.approved_on, f.implemented_on) c
          UNION ALL
          SELECT c.*, -1 AS sign FROM old o, LATERAL progress_contributions(
            o.agency_id, o.stage, o.overdue, o.baseline_programme_ids, o.costed, o.baseline_cost,
            o.plan_programme_id, o.savings, o.approved_on, o.implemented_on) c
        ), delta AS (
          SELECT c_programme_id, c_agency_id, c_bucket, c_in_baseline, c_month,
                 sum(sign * c_n) AS n, sum(sign * c_costed) AS costed, sum(sign * c_amount) AS amount
            FROM contrib
           GROUP BY c_programme_id, c_agency_id, c_bucket, c_in_baseline, c_month
          HAVING sum(sign * c_n) <> 0 OR sum(sign * c_costed) <> 0 OR sum(sign * c_amount) <> 0
        ), ins AS (
          INSERT INTO progress_delta (programme_id, agency_id, bucket, in_baseline, month, n, costed, amount)
          SELECT c_programme_id, c_agency_id, c_bucket, c_in_baseline, c_month, n, costed, amount
            FROM delta
          RETURNING 1
        ), gone AS (
          DELETE FROM progress_line l
           WHERE l.regulation_id IN (SELECT id FROM wanted)
             AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.regulation_id = l.regulation_id)
        ), up AS (
          INSERT INTO progress_line (regulation_id, agency_id, stage, overdue, baseline_programme_ids,
                 costed, baseline_cost, plan_programme_id, plan_action, savings, approved_on,
                 implemented_on, implementation_deadline, refreshed_at)
          SELECT regulation_id, agency_id, stage, overdue, baseline_programme_ids, costed,
                 baseline_cost, plan_programme_id, plan_action, savings, approved_on,
                 implemented_on, implementation_deadline, now()
            FROM fresh
          ON CONFLICT (regulation_id) DO UPDATE SET
                 agency_id = EXCLUDED.agency_id, stage = EXCLUDED.stage,
                 overdue = EXCLUDED.overdue, baseline_programme_ids = EXCLUDED.baseline_programme_ids,
                 costed = EXCLUDED.costed, baseline_cost = EXCLUDED.baseline_cost,
                 plan_programme_id = EXCLUDED.plan_programme_id,
                 plan_action = EXCLUDED.plan_action, savings = EXCLUDED.savings,
                 approved_on = EXCLUDED.approved_on, implemented_on = EXCLUDED.implemented_on,
                 implementation_deadline = EXCLUDED.implementation_deadline,
                 refreshed_at = EXCLUDED.refreshed_at
           WHERE (progress_line.agency_id, progress_line.stage, progress_line.overdue,
                  progress_line.baseline_programme_ids, progress_line.costed,
                  progress_line.baseline_cost, progress_line.plan_programme_id,
                  progress_line.plan_action, progress_line.savings, progress_line.approved_on,
                  progress_line.implemented_on, progress_line.implementation_deadline)
                 IS DISTINCT FROM
                 (EXCLUDED.agency_id, EXCLUDED.stage, EXCLUDED.overdue,
                  EXCLUDED.baseline_programme_ids, EXCLUDED.costed, EXCLUDED.baseline_cost,
                  EXCLUDED.plan_programme_id, EXCLUDED.plan_action, EXCLUDED.savings,
                  EXCLUDED.approved_on, EXCLUDED.implemented_on, EXCLUDED.implementation_deadline)
        )
        SELECT count(*) INTO written FROM ins;
        RETURN written;
      END
      $$`);

    // Folds the deltas into one row per key. Rows inserted meanwhile by other transactions are
    // not in this statement's snapshot: they are neither deleted nor summed, and stay.
    await q.query(`
      CREATE FUNCTION progress_compact() RETURNS integer LANGUAGE plpgsql AS $$
      DECLARE
        kept integer;
      BEGIN
        WITH gone AS (
          DELETE FROM progress_delta
          RETURNING programme_id, agency_id, bucket, in_baseline, month, n, costed, amount
        ), sums AS (
          INSERT INTO progress_delta (programme_id, agency_id, bucket, in_baseline, month, n, costed, amount)
          SELECT programme_id, agency_id, bucket, in_baseline, month, sum(n), sum(costed), sum(amount)
            FROM gone
           GROUP BY programme_id, agency_id, bucket, in_baseline, month
          HAVING sum(n) <> 0 OR sum(costed) <> 0 OR sum(amount) <> 0
          RETURNING 1
        )
        SELECT count(*) INTO kept FROM sums;
        RETURN kept;
      END
      $$`);

    // From scratch: every line recomputed, the deltas replaced by one row per key. Writers wait
    // (their refresh locks progress_line rows) and then apply their change to the rebuilt ledger;
    // readers keep reading the previous state until this commits.
    await q.query(`
      CREATE FUNCTION progress_rebuild() RETURNS integer LANGUAGE plpgsql AS $$
      DECLARE
        lines integer;
      BEGIN
        LOCK TABLE progress_line, progress_delta IN EXCLUSIVE MODE;
        DELETE FROM progress_delta;
        DELETE FROM progress_line;
        INSERT INTO progress_line (regulation_id, agency_id, stage, overdue, baseline_programme_ids,
               costed, baseline_cost, plan_programme_id, plan_action, savings, approved_on,
               implemented_on, implementation_deadline, refreshed_at)
        SELECT regulation_id, agency_id, stage, overdue, baseline_programme_ids, costed,
               baseline_cost, plan_programme_id, plan_action, savings, approved_on, implemented_on,
               implementation_deadline, now()
          FROM progress_line_fresh;
        GET DIAGNOSTICS lines = ROW_COUNT;
        INSERT INTO progress_delta (programme_id, agency_id, bucket, in_baseline, month, n, costed, amount)
        SELECT c_programme_id, c_agency_id, c_bucket, c_in_baseline, c_month,
               sum(c_n), sum(c_costed), sum(c_amount)
          FROM progress_line l, LATERAL progress_contributions(
            l.agency_id, l.stage, l.overdue, l.baseline_programme_ids, l.costed, l.baseline_cost,
            l.plan_programme_id, l.savings, l.approved_on, l.implemented_on) c
         GROUP BY c_programme_id, c_agency_id, c_bucket, c_in_baseline, c_month;
        RETURN lines;
      END
      $$`);

    // ---- estimates: once per write statement ---------------------------------------------------
    // The EstimateWriter writes a batch (a recalculation: hundreds of estimates) in one statement
    // and then runs its hooks once per estimate. A refresh per estimate made a recalculation 33×
    // slower (bench B4), so estimates are refreshed here, once per statement, set-based, in the
    // same transaction; the hooks are left to what runs once per request.
    await q.query(`
      CREATE FUNCTION progress_on_estimate_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM progress_refresh(ARRAY(SELECT DISTINCT regulation_id FROM progress_new_estimates));
        RETURN NULL;
      END
      $$`);
    await q.query(`
      CREATE FUNCTION progress_on_estimate_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM progress_refresh(ARRAY(SELECT regulation_id FROM progress_new_estimates
                                       UNION SELECT regulation_id FROM progress_old_estimates));
        RETURN NULL;
      END
      $$`);
    await q.query(`
      CREATE FUNCTION progress_on_estimate_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM progress_refresh(ARRAY(SELECT DISTINCT regulation_id FROM progress_old_estimates));
        RETURN NULL;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER progress_estimate_insert AFTER INSERT ON cost_estimate
      REFERENCING NEW TABLE AS progress_new_estimates
      FOR EACH STATEMENT EXECUTE FUNCTION progress_on_estimate_insert()`);
    await q.query(`
      CREATE TRIGGER progress_estimate_update AFTER UPDATE ON cost_estimate
      REFERENCING OLD TABLE AS progress_old_estimates NEW TABLE AS progress_new_estimates
      FOR EACH STATEMENT EXECUTE FUNCTION progress_on_estimate_update()`);
    await q.query(`
      CREATE TRIGGER progress_estimate_delete AFTER DELETE ON cost_estimate
      REFERENCING OLD TABLE AS progress_old_estimates
      FOR EACH STATEMENT EXECUTE FUNCTION progress_on_estimate_delete()`);

    // ---- writes of the register that have no application hook ---------------------------------
    await q.query(`
      CREATE FUNCTION progress_on_regulation_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- New rows: no other transaction can see them, so no lock is needed.
        PERFORM progress_refresh(ARRAY(SELECT id FROM progress_inserted_regulations), false);
        RETURN NULL;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER progress_regulation_insert AFTER INSERT ON regulation
      REFERENCING NEW TABLE AS progress_inserted_regulations
      FOR EACH STATEMENT EXECUTE FUNCTION progress_on_regulation_insert()`);

    await q.query(`
      CREATE FUNCTION progress_on_regulation_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM progress_refresh(ARRAY[NEW.id]);
        RETURN NULL;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER progress_regulation_update
      AFTER UPDATE OF category, legal_document_id, agency_id ON regulation
      FOR EACH ROW
      WHEN (OLD.category IS DISTINCT FROM NEW.category
            OR OLD.legal_document_id IS DISTINCT FROM NEW.legal_document_id
            OR OLD.agency_id IS DISTINCT FROM NEW.agency_id)
      EXECUTE FUNCTION progress_on_regulation_update()`);

    await q.query(`
      CREATE FUNCTION progress_on_document_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM progress_refresh(ARRAY(SELECT id FROM regulation WHERE legal_document_id = NEW.id));
        RETURN NULL;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER progress_document_update
      AFTER UPDATE OF effective_on, expired_on ON legal_document
      FOR EACH ROW
      WHEN (OLD.effective_on IS DISTINCT FROM NEW.effective_on
            OR OLD.expired_on IS DISTINCT FROM NEW.expired_on)
      EXECUTE FUNCTION progress_on_document_update()`);

    // A programme's baseline date or categories: only the regulations whose membership changes.
    await q.query(`
      CREATE FUNCTION progress_on_programme_change() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        target uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END;
      BEGIN
        IF TG_OP = 'DELETE' THEN
          PERFORM progress_refresh(ARRAY(
            SELECT regulation_id FROM progress_line
             WHERE target = ANY (baseline_programme_ids) OR plan_programme_id = target));
          RETURN NULL;
        END IF;
        PERFORM progress_refresh(ARRAY(
          SELECT r.id FROM regulation r
            JOIN legal_document d ON d.id = r.legal_document_id
            LEFT JOIN progress_line l ON l.regulation_id = r.id
           WHERE (d.effective_on <= NEW.baseline_date
                  AND (d.expired_on IS NULL OR d.expired_on > NEW.baseline_date)
                  AND r.category = ANY (NEW.categories))
                 IS DISTINCT FROM COALESCE(target = ANY (l.baseline_programme_ids), false)));
        RETURN NULL;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER progress_programme_insert AFTER INSERT ON programme
      FOR EACH ROW EXECUTE FUNCTION progress_on_programme_change()`);
    await q.query(`
      CREATE TRIGGER progress_programme_update
      AFTER UPDATE OF baseline_date, categories ON programme
      FOR EACH ROW
      WHEN (OLD.baseline_date IS DISTINCT FROM NEW.baseline_date
            OR OLD.categories IS DISTINCT FROM NEW.categories)
      EXECUTE FUNCTION progress_on_programme_change()`);
    await q.query(`
      CREATE TRIGGER progress_programme_delete AFTER DELETE ON programme
      FOR EACH ROW EXECUTE FUNCTION progress_on_programme_change()`);

    // Regulations filed before this migration.
    await q.query(`SELECT progress_rebuild()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER progress_programme_delete ON programme`);
    await q.query(`DROP TRIGGER progress_programme_update ON programme`);
    await q.query(`DROP TRIGGER progress_programme_insert ON programme`);
    await q.query(`DROP TRIGGER progress_document_update ON legal_document`);
    await q.query(`DROP TRIGGER progress_regulation_update ON regulation`);
    await q.query(`DROP TRIGGER progress_regulation_insert ON regulation`);
    await q.query(`DROP TRIGGER progress_estimate_delete ON cost_estimate`);
    await q.query(`DROP TRIGGER progress_estimate_update ON cost_estimate`);
    await q.query(`DROP TRIGGER progress_estimate_insert ON cost_estimate`);
    for (const f of [
      'progress_on_programme_change()',
      'progress_on_document_update()',
      'progress_on_regulation_update()',
      'progress_on_regulation_insert()',
      'progress_on_estimate_delete()',
      'progress_on_estimate_update()',
      'progress_on_estimate_insert()',
      'progress_rebuild()',
      'progress_compact()',
      'progress_refresh(uuid[], boolean)',
      'progress_contributions(uuid, text, boolean, uuid[], boolean, numeric, uuid, numeric, date, date)',
    ]) {
      await q.query(`DROP FUNCTION ${f}`);
    }
    await q.query(`DROP VIEW progress_line_fresh`);
    await q.query(`DROP FUNCTION progress_month(date)`);
    await q.query(`DROP FUNCTION progress_savings(text, text)`);
    for (const t of ['progress_delta', 'progress_line', 'decision_regulation', 'decision']) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
