import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface ClaimedDelivery {
  id: string;
  subscription_id: string;
  event_id: string;
  event_type: string;
  body: string;
  attempts: number;
  lease_token: string;
  url: string;
  secret_enc: string;
  previous_secret_enc: string | null;
  previous_secret_expires_at: Date | null;
}

export interface AttemptOutcome {
  deliveryId: string;
  leaseToken: string;
  attempt: number;
  at: Date;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  /** delivered, failed for good, or pending again at `nextAttemptAt`. */
  status: 'delivered' | 'failed' | 'pending';
  nextAttemptAt: Date | null;
}

/** The delivery queue: claims under a lease, outcomes, and the subscription's health. */
@Injectable()
export class DeliveryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Claims due deliveries for this worker until `leaseUntil`, in one statement. Rows another
   * worker is claiming are skipped (SKIP LOCKED); a delivery waits while an older event of the
   * same record is still pending for the same subscription, so a subscriber receives each record's
   * events in order. An expired lease (a worker that died mid-delivery) makes the row due again.
   */
  async claim(now: Date, leaseUntil: Date, limit: number): Promise<ClaimedDelivery[]> {
    return this.dataSource
      .query(
        `WITH due AS (
         SELECT d.id FROM webhook_delivery d
           JOIN webhook_subscription s ON s.id = d.subscription_id
          WHERE d.status = 'pending' AND d.next_attempt_at <= $1
            AND (d.lease_until IS NULL OR d.lease_until <= $1)
            AND (s.active OR d.event_type = 'webhook.ping')
            AND NOT EXISTS (
              SELECT 1 FROM webhook_delivery o
               WHERE o.subscription_id = d.subscription_id AND o.regulation_id = d.regulation_id
                 AND o.status = 'pending' AND o.event_seq < d.event_seq)
          ORDER BY d.next_attempt_at, d.event_seq NULLS FIRST
          LIMIT $3
          FOR UPDATE OF d SKIP LOCKED
       )
       UPDATE webhook_delivery w
          SET lease_until = $2, lease_token = gen_random_uuid(), attempts = w.attempts + 1
         FROM due, webhook_subscription s
        WHERE w.id = due.id AND s.id = w.subscription_id
       RETURNING w.id, w.subscription_id, w.event_id, w.event_type, w.body, w.attempts,
                 w.lease_token, s.url, s.secret_enc, s.previous_secret_enc,
                 s.previous_secret_expires_at`,
        [now, leaseUntil, limit],
      )
      .then((r: [ClaimedDelivery[], number] | ClaimedDelivery[]) =>
        Array.isArray(r[0]) ? (r[0] as ClaimedDelivery[]) : (r as ClaimedDelivery[]),
      );
  }

  /**
   * Records one attempt and its outcome, if this worker still holds the lease (a worker whose
   * lease expired and was taken over records nothing). Returns the subscription id, or null.
   */
  async record(m: EntityManager, o: AttemptOutcome): Promise<string | null> {
    const [rows] = await m.query(
      `UPDATE webhook_delivery
          SET status = $3::varchar, next_attempt_at = coalesce($4::timestamptz, next_attempt_at), lease_until = NULL,
              lease_token = NULL, last_status = $5, last_error = $6,
              completed_at = CASE WHEN $3::varchar = 'pending' THEN NULL ELSE $7::timestamptz END
        WHERE id = $1 AND lease_token = $2
        RETURNING subscription_id`,
      [o.deliveryId, o.leaseToken, o.status, o.nextAttemptAt, o.statusCode, o.error, o.at],
    );
    if (rows.length === 0) return null;
    await m.query(
      `INSERT INTO webhook_attempt (delivery_id, attempt, at, status_code, error, duration_ms)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [o.deliveryId, o.attempt, o.at, o.statusCode, o.error, o.durationMs],
    );
    return rows[0].subscription_id as string;
  }

  /** Successful attempts, set-based; the subscriptions involved are healthy again. */
  async recordDelivered(
    m: EntityManager,
    rows: Array<{
      deliveryId: string;
      leaseToken: string;
      attempt: number;
      at: Date;
      statusCode: number | null;
      durationMs: number;
    }>,
  ): Promise<void> {
    const updated: Array<{ id: string; subscription_id: string }> = (
      await m.query(
        `UPDATE webhook_delivery w
            SET status = 'delivered', lease_until = NULL, lease_token = NULL,
                last_status = r.status_code, last_error = NULL, completed_at = r.at
           FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::int[])
             AS r(id, token, at, status_code)
          WHERE w.id = r.id AND w.lease_token = r.token
          RETURNING w.id, w.subscription_id`,
        [
          rows.map((r) => r.deliveryId),
          rows.map((r) => r.leaseToken),
          rows.map((r) => r.at.toISOString()),
          rows.map((r) => r.statusCode),
        ],
      )
    )[0];
    if (updated.length === 0) return;
    const kept = new Set(updated.map((u) => u.id));
    const mine = rows.filter((r) => kept.has(r.deliveryId));
    await m.query(
      `INSERT INTO webhook_attempt (delivery_id, attempt, at, status_code, duration_ms)
       SELECT * FROM unnest($1::uuid[], $2::int[], $3::timestamptz[], $4::int[], $5::int[])`,
      [
        mine.map((r) => r.deliveryId),
        mine.map((r) => r.attempt),
        mine.map((r) => r.at.toISOString()),
        mine.map((r) => r.statusCode),
        mine.map((r) => r.durationMs),
      ],
    );
    await m.query(
      `UPDATE webhook_subscription SET failing_since = NULL
        WHERE id = ANY ($1::uuid[]) AND failing_since IS NOT NULL`,
      [[...new Set(updated.map((u) => u.subscription_id))]],
    );
  }

  /** Notes a failure; returns the subscription's first failure without a success since. */
  async markFailing(
    m: EntityManager,
    subscriptionId: string,
    at: Date,
  ): Promise<{ failingSince: Date; active: boolean } | null> {
    const [rows] = await m.query(
      `UPDATE webhook_subscription SET failing_since = coalesce(failing_since, $2)
        WHERE id = $1 RETURNING failing_since, active`,
      [subscriptionId, at],
    );
    return rows[0]
      ? { failingSince: new Date(rows[0].failing_since), active: rows[0].active }
      : null;
  }

  async disable(m: EntityManager, subscriptionId: string, reason: string, at: Date) {
    await m.query(
      `UPDATE webhook_subscription SET active = false, disabled_reason = $2, version = version + 1,
              updated_at = $3 WHERE id = $1`,
      [subscriptionId, reason, at],
    );
  }
}
