import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications (issue 17): the in-app inbox, per-kind preferences, the sectors an association
 * follows, and the notifications worker's cursor on the change feed (advanced in the same
 * transaction as the notifications it writes: each event has its effect exactly once).
 */
export class Notifications1796300000002 implements MigrationInterface {
  name = 'Notifications1796300000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        kind varchar(60) NOT NULL,
        title varchar(500) NOT NULL,
        body text NOT NULL,
        link varchar(500) NOT NULL,
        regulation_id uuid,
        dedupe_key varchar(300) NOT NULL UNIQUE,
        read_at timestamptz,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX notification_inbox ON notification (user_id, created_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX notification_unread ON notification (user_id) WHERE read_at IS NULL`,
    );
    await q.query(`
      CREATE TABLE notification_preference (
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        kind varchar(60) NOT NULL,
        email boolean NOT NULL DEFAULT true,
        in_app boolean NOT NULL DEFAULT true,
        PRIMARY KEY (user_id, kind)
      )`);
    await q.query(`
      CREATE TABLE notification_sector (
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        sector_code varchar(50) NOT NULL REFERENCES sector (code),
        PRIMARY KEY (user_id, sector_code)
      )`);
    await q.query(`CREATE INDEX notification_sector_code ON notification_sector (sector_code)`);
    await q.query(`
      CREATE TABLE notification_cursor (
        name varchar(60) PRIMARY KEY,
        position bigint NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // From the feed's head: the events before this migration are not announced.
    await q.query(`
      INSERT INTO notification_cursor (name, position)
      SELECT 'change_feed', coalesce(max(seq), 0) FROM integration_event`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification_cursor`);
    await q.query(`DROP TABLE notification_sector`);
    await q.query(`DROP TABLE notification_preference`);
    await q.query(`DROP TABLE notification`);
  }
}
