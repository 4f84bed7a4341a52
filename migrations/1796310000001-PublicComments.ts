import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Public comments (góp ý công khai): commenters are `app_user`s with the role `public` in one
 * shared agency ("Công chúng"), created inactive by a sign-up and activated by a one-time e-mail
 * link (stored as a SHA-256 digest); their optional tax code and organisation; fixed-window abuse
 * counters shared by every API process; moderation of feedback items (hidden with a reason).
 * SQL accepted by PostgreSQL 15 and PGlite (18).
 */
export class PublicComments1796310000001 implements MigrationInterface {
  name = 'PublicComments1796310000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user DROP CONSTRAINT IF EXISTS app_user_role_check`);
    await q.query(`
      ALTER TABLE app_user ADD CONSTRAINT app_user_role_check CHECK (role IN
        ('ministry_officer', 'ministry_lead', 'expert', 'association', 'gov_office', 'admin', 'public'))`);
    // The one agency every public commenter belongs to (PUBLIC_AGENCY_ID in identity/domain/roles.ts).
    await q.query(
      `INSERT INTO agency (id, code, name, kind) VALUES
         ('6a1c0000-0000-4000-8000-000000000017', 'PUBLIC', 'Công chúng (góp ý công khai)', 'other')
       ON CONFLICT DO NOTHING`,
    );
    await q.query(`
      CREATE TABLE public_account (
        user_id uuid PRIMARY KEY REFERENCES app_user (id),
        -- mã số thuế as given: checked for form only, never against the tax authority
        tax_code varchar(14),
        organisation varchar(300),
        email_verified_at timestamptz,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE public_account_token (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES app_user (id),
        token_hash char(64) NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX public_account_token_user ON public_account_token (user_id)`);
    await q.query(`
      CREATE TABLE abuse_counter (
        bucket text NOT NULL,
        window_start timestamptz NOT NULL,
        hits integer NOT NULL,
        PRIMARY KEY (bucket, window_start)
      )`);
    await q.query(`
      ALTER TABLE consultation_feedback
        ADD COLUMN hidden_at timestamptz,
        ADD COLUMN hidden_reason text,
        ADD COLUMN hidden_by uuid REFERENCES app_user (id),
        ADD CONSTRAINT consultation_feedback_hidden_check
          CHECK ((hidden_at IS NULL) = (hidden_reason IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE consultation_feedback DROP CONSTRAINT consultation_feedback_hidden_check,
        DROP COLUMN hidden_by, DROP COLUMN hidden_reason, DROP COLUMN hidden_at`);
    await q.query(`DROP TABLE abuse_counter`);
    await q.query(`DROP TABLE public_account_token`);
    await q.query(`DROP TABLE public_account`);
    await q.query(`DELETE FROM app_user WHERE role = 'public'`);
    await q.query(`DELETE FROM agency WHERE id = '6a1c0000-0000-4000-8000-000000000017'`);
    await q.query(`ALTER TABLE app_user DROP CONSTRAINT app_user_role_check`);
    await q.query(`
      ALTER TABLE app_user ADD CONSTRAINT app_user_role_check CHECK (role IN
        ('ministry_officer', 'ministry_lead', 'expert', 'association', 'gov_office', 'admin'))`);
  }
}
