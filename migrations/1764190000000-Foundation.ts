import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Extensions for Vietnamese search, and the two tables behind background work:
 * `scheduled_timer` (the truth of every pending deadline) and `job_run` (user-visible jobs with
 * progress). SQL accepted by PostgreSQL 15 and PGlite (18).
 */
export class Foundation1764190000000 implements MigrationInterface {
  name = 'Foundation1764190000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    // unaccent() is STABLE; indexes need an IMMUTABLE wrapper with the dictionary named explicitly.
    await q.query(`
      CREATE OR REPLACE FUNCTION immutable_unaccent(text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION search_normalize(text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT lower(public.immutable_unaccent($1)) $$`);

    await q.query(`
      CREATE TABLE scheduled_timer (
        id uuid PRIMARY KEY,
        kind varchar(100) NOT NULL,
        -- what the timer is about, e.g. a regulation id: lets a newer timer replace an older one
        subject_key varchar(200) NOT NULL,
        payload jsonb NOT NULL DEFAULT '{}'::jsonb,
        due_at timestamptz NOT NULL,
        status varchar(20) NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending', 'fired', 'cancelled', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        fired_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX scheduled_timer_pending_due ON scheduled_timer (due_at) WHERE status = 'pending'`,
    );
    await q.query(`CREATE INDEX scheduled_timer_subject ON scheduled_timer (subject_key)`);

    await q.query(`
      CREATE TABLE job_run (
        id uuid PRIMARY KEY,
        kind varchar(100) NOT NULL,
        status varchar(20) NOT NULL DEFAULT 'queued'
          CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
        payload jsonb NOT NULL DEFAULT '{}'::jsonb,
        progress_done integer NOT NULL DEFAULT 0,
        progress_total integer,
        result jsonb,
        error text,
        attempts integer NOT NULL DEFAULT 0,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        -- bumped while a job runs; a 'running' job whose heartbeat stopped is run again
        heartbeat_at timestamptz,
        finished_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX job_run_unfinished ON job_run (created_at) WHERE status IN ('queued', 'running')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE job_run`);
    await q.query(`DROP TABLE scheduled_timer`);
    await q.query(`DROP FUNCTION search_normalize(text)`);
    await q.query(`DROP FUNCTION immutable_unaccent(text)`);
  }
}
