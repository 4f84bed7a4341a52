import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface NewMailRow {
  key: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  kind: string;
  userId: string | null;
  at: Date;
}

export interface ClaimedMail {
  id: string;
  key: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  kind: string;
  attempts: number;
  lease_token: string;
}

export interface MailRow {
  id: string;
  key: string;
  to: string;
  subject: string;
  kind: string;
  userId: string | null;
  status: 'pending' | 'sent' | 'failed' | 'skipped';
  attempts: number;
  lastError: string | null;
  sentAt: Date | null;
}

/** `query` returns [rows, count] for UPDATE … RETURNING and rows for SELECT. */
function rowsOf<T>(r: unknown): T[] {
  const a = r as unknown[];
  return (Array.isArray(a[0]) ? a[0] : a) as T[];
}

/** The mail queue (mail_outbox): inserts, claims under a lease, outcomes. */
@Injectable()
export class MailRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(m: EntityManager, row: NewMailRow): Promise<void> {
    await m.query(
      `INSERT INTO mail_outbox (key, "to", subject, text, html, kind, user_id, next_attempt_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
       ON CONFLICT (key) DO NOTHING`,
      [row.key, row.to, row.subject, row.text, row.html, row.kind, row.userId, row.at],
    );
  }

  /**
   * Claims due mails until `leaseUntil`, in one statement; rows another worker is claiming are
   * skipped (SKIP LOCKED). An expired lease (a worker that died between sending and recording)
   * makes the row due again: the mail is sent again with the same Message-ID.
   */
  async claim(now: Date, leaseUntil: Date, limit: number): Promise<ClaimedMail[]> {
    return rowsOf<ClaimedMail>(
      await this.dataSource.query(
        `WITH due AS (
           SELECT id FROM mail_outbox
            WHERE status = 'pending' AND next_attempt_at <= $1
              AND (lease_until IS NULL OR lease_until <= $1)
            ORDER BY next_attempt_at
            LIMIT $3
            FOR UPDATE SKIP LOCKED)
         UPDATE mail_outbox m
            SET lease_until = $2, lease_token = gen_random_uuid(), attempts = m.attempts + 1
           FROM due WHERE m.id = due.id
         RETURNING m.id, m.key, m."to", m.subject, m.text, m.html, m.kind, m.attempts, m.lease_token`,
        [now, leaseUntil, limit],
      ),
    );
  }

  /** Marks a mail sent, if this worker still holds its lease. */
  async markSent(id: string, leaseToken: string, at: Date): Promise<boolean> {
    const rows = rowsOf(
      await this.dataSource.query(
        `UPDATE mail_outbox SET status = 'sent', sent_at = $3, lease_until = NULL,
                lease_token = NULL, last_error = NULL
          WHERE id = $1 AND lease_token = $2 RETURNING id`,
        [id, leaseToken, at],
      ),
    );
    return rows.length > 0;
  }

  /** A failed attempt: pending again at `nextAttemptAt`, or failed for good when it is null. */
  async markFailed(
    id: string,
    leaseToken: string,
    error: string,
    nextAttemptAt: Date | null,
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE mail_outbox
          SET status = CASE WHEN $4::timestamptz IS NULL THEN 'failed' ELSE 'pending' END,
              next_attempt_at = coalesce($4::timestamptz, next_attempt_at),
              lease_until = NULL, lease_token = NULL, last_error = $3
        WHERE id = $1 AND lease_token = $2`,
      [id, leaseToken, error.slice(0, 2000), nextAttemptAt],
    );
  }

  /** Without an SMTP relay: every pending mail is skipped (the in-app inbox is the channel). */
  async skipPending(limit: number): Promise<number> {
    const rows = rowsOf(
      await this.dataSource.query(
        `WITH due AS (
           SELECT id FROM mail_outbox WHERE status = 'pending' LIMIT $1 FOR UPDATE SKIP LOCKED)
         UPDATE mail_outbox m SET status = 'skipped', last_error = 'SMTP_URL is not set',
                lease_until = NULL, lease_token = NULL
           FROM due WHERE m.id = due.id RETURNING m.id`,
        [limit],
      ),
    );
    return rows.length;
  }

  /**
   * Deletes up to `batch` finished rows (sent, failed or skipped) from before `before`; a pending
   * mail is never pruned. Returns how many went.
   */
  async pruneFinished(before: Date, batch: number): Promise<number> {
    const [, count] = (await this.dataSource.query(
      `DELETE FROM mail_outbox WHERE id IN (
         SELECT id FROM mail_outbox
          WHERE status <> 'pending' AND coalesce(sent_at, created_at) < $1 LIMIT $2)`,
      [before, batch],
    )) as [unknown, number];
    return Number(count ?? 0);
  }

  async findByKey(key: string): Promise<MailRow | null> {
    const rows = rowsOf<MailRow>(
      await this.dataSource.query(
        `SELECT id, key, "to", subject, kind, user_id AS "userId", status, attempts,
                last_error AS "lastError", sent_at AS "sentAt"
           FROM mail_outbox WHERE key = $1`,
        [key],
      ),
    );
    return rows[0] ?? null;
  }
}
