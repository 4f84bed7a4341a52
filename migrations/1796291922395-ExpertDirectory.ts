import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The expert directory (issue 16): an officer opening a consultation must choose invited experts,
 * but the user list is for admins. An expert's directory profile: their field (lĩnh vực chuyên
 * môn) and whether they agreed to show their e-mail to the ministries. One row per expert, kept
 * apart from app_user so the account and the directory evolve separately.
 */
export class ExpertDirectory1796291922395 implements MigrationInterface {
  name = 'ExpertDirectory1796291922395';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE expert_profile (
        user_id uuid PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
        field varchar(200),
        share_email boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE expert_profile`);
  }
}
