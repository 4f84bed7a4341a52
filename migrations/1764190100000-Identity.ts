import { MigrationInterface, QueryRunner } from 'typeorm';

/** Agencies, users, API keys and the admin audit log. */
export class Identity1764190100000 implements MigrationInterface {
  name = 'Identity1764190100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE agency (
        id uuid PRIMARY KEY,
        code varchar(50) NOT NULL,
        name varchar(300) NOT NULL,
        kind varchar(30) NOT NULL
          CHECK (kind IN ('ministry', 'province', 'association', 'government_office', 'other')),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX agency_code_unique ON agency (upper(code))`);

    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY,
        email varchar(254) NOT NULL,
        full_name varchar(200) NOT NULL,
        role varchar(30) NOT NULL
          CHECK (role IN ('ministry_officer', 'ministry_lead', 'expert', 'association', 'gov_office', 'admin')),
        agency_id uuid NOT NULL REFERENCES agency (id),
        password_hash varchar(300) NOT NULL,
        active boolean NOT NULL DEFAULT true,
        -- bumped by a password change or deactivation: tokens carrying an older value stop working
        token_version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX app_user_email_unique ON app_user (lower(email))`);
    await q.query(`CREATE INDEX app_user_agency ON app_user (agency_id)`);

    await q.query(`
      CREATE TABLE api_key (
        id uuid PRIMARY KEY,
        agency_id uuid NOT NULL REFERENCES agency (id),
        name varchar(200) NOT NULL,
        -- the public part of the key, used to find it; the secret is stored only as a hash
        prefix varchar(32) NOT NULL UNIQUE,
        secret_hash varchar(128) NOT NULL,
        access varchar(20) NOT NULL CHECK (access IN ('read', 'write')),
        created_by uuid REFERENCES app_user (id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        last_used_at timestamptz
      )`);

    await q.query(`
      CREATE TABLE admin_audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        actor_role varchar(30) NOT NULL,
        action varchar(100) NOT NULL,
        entity_type varchar(50) NOT NULL,
        entity_id varchar(100),
        changes jsonb NOT NULL DEFAULT '{}'::jsonb
      )`);
    await q.query(`CREATE INDEX admin_audit_log_at ON admin_audit_log (at DESC, id DESC)`);
    await q.query(
      `CREATE INDEX admin_audit_log_entity ON admin_audit_log (entity_type, entity_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE admin_audit_log`);
    await q.query(`DROP TABLE api_key`);
    await q.query(`DROP TABLE app_user`);
    await q.query(`DROP TABLE agency`);
  }
}
