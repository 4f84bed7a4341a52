import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outgoing e-mail (issue 17): one row per mail, written in the transaction of what caused it and
 * delivered by the workers. `key` is the caller's idempotency key (a repeated enqueue is ignored);
 * the lease lets several workers share the queue and a dead worker's claim expire.
 */
export class Mail1796300000001 implements MigrationInterface {
  name = 'Mail1796300000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE mail_outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key varchar(300) NOT NULL UNIQUE,
        "to" varchar(320) NOT NULL,
        subject varchar(500) NOT NULL,
        text text NOT NULL,
        html text,
        kind varchar(100) NOT NULL,
        user_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
        status varchar(16) NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending', 'sent', 'failed', 'skipped')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        lease_until timestamptz,
        lease_token uuid,
        last_error text,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE status = 'pending'`,
    );
    await q.query(`CREATE INDEX mail_outbox_user ON mail_outbox (user_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE mail_outbox`);
  }
}
