import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders (đôn đốc) of the Government Office to a ministry whose approved plan is being
 * implemented or is overdue (issue 16): insert-only, each with the note the ministry reads and
 * whether the implementation was overdue when it was sent.
 */
export class ImplementationReminders1796292152369 implements MigrationInterface {
  name = 'ImplementationReminders1796292152369';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE implementation_reminder (
        id uuid PRIMARY KEY,
        regulation_id uuid NOT NULL REFERENCES regulation (id),
        agency_id uuid NOT NULL REFERENCES agency (id),
        note text NOT NULL CHECK (length(note) BETWEEN 1 AND 4000),
        overdue boolean NOT NULL,
        implementation_deadline timestamptz,
        sent_by uuid REFERENCES app_user (id),
        sent_at timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE INDEX implementation_reminder_regulation ON implementation_reminder (regulation_id, sent_at)`,
    );
    await q.query(
      `CREATE INDEX implementation_reminder_agency ON implementation_reminder (agency_id, sent_at DESC, id DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE implementation_reminder`);
  }
}
