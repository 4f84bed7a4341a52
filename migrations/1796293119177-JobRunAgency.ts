import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The agency a user-visible job belongs to (its creator's, when created), so that a ministry lead
 * can follow the jobs of the officers of the same agency. Older jobs keep NULL: creator only.
 */
export class JobRunAgency1796293119177 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE job_run ADD COLUMN agency_id uuid`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE job_run DROP COLUMN agency_id`);
  }
}
