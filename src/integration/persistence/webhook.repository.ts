import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface SubscriptionRow {
  id: string;
  url: string;
  events: string[];
  description: string | null;
  agency_id: string | null;
  created_by: string | null;
  created_by_role: string;
  active: boolean;
  disabled_reason: string | null;
  secret_enc: string;
  previous_secret_enc: string | null;
  previous_secret_expires_at: Date | null;
  failing_since: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface NewSubscription {
  id: string;
  url: string;
  events: string[];
  description: string | null;
  agencyId: string | null;
  createdBy: string | null;
  createdByRole: string;
  secretEnc: string;
  at: Date;
}

export interface DeliveryRow {
  id: string;
  subscription_id: string;
  event_id: string;
  event_seq: string | null;
  event_type: string;
  regulation_id: string | null;
  status: string;
  attempts: number;
  next_attempt_at: Date;
  last_status: number | null;
  last_error: string | null;
  created_at: Date;
  completed_at: Date | null;
}

export interface AttemptRow {
  delivery_id: string;
  attempt: number;
  at: Date;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}

/** Webhook subscriptions and the read side of their deliveries. */
@Injectable()
export class WebhookRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(m: EntityManager, s: NewSubscription): Promise<SubscriptionRow> {
    const [row] = await m.query(
      `INSERT INTO webhook_subscription (id, url, events, description, agency_id, created_by,
              created_by_role, secret_enc, created_at, updated_at)
       VALUES ($1, $2, $3::text[], $4, $5, $6, $7, $8, $9, $9) RETURNING *`,
      [
        s.id,
        s.url,
        s.events,
        s.description,
        s.agencyId,
        s.createdBy,
        s.createdByRole,
        s.secretEnc,
        s.at,
      ],
    );
    return row;
  }

  async find(
    id: string,
    m: EntityManager = this.dataSource.manager,
  ): Promise<SubscriptionRow | null> {
    const rows = await m.query(`SELECT * FROM webhook_subscription WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async findForUpdate(m: EntityManager, id: string): Promise<SubscriptionRow | null> {
    const rows = await m.query(`SELECT * FROM webhook_subscription WHERE id = $1 FOR UPDATE`, [id]);
    return rows[0] ?? null;
  }

  /** Newest first; `agencyId` limits to that agency's subscriptions. */
  async list(
    agencyId: string | null,
    limit: number,
    after: [string, string] | null,
  ): Promise<SubscriptionRow[]> {
    return this.dataSource.query(
      `SELECT * FROM webhook_subscription
        WHERE ($1::uuid IS NULL OR agency_id = $1::uuid)
          AND ($2::timestamptz IS NULL OR (created_at, id) < ($2::timestamptz, $3::uuid))
        ORDER BY created_at DESC, id DESC LIMIT $4`,
      [agencyId, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
    );
  }

  async update(
    m: EntityManager,
    id: string,
    patch: {
      url: string;
      events: string[];
      description: string | null;
      active: boolean;
      disabledReason: string | null;
      failingSince: Date | null;
    },
    at: Date,
  ): Promise<SubscriptionRow> {
    const [rows] = await m.query(
      `UPDATE webhook_subscription
          SET url = $2, events = $3::text[], description = $4, active = $5, disabled_reason = $6,
              failing_since = $7, version = version + 1, updated_at = $8
        WHERE id = $1 RETURNING *`,
      [
        id,
        patch.url,
        patch.events,
        patch.description,
        patch.active,
        patch.disabledReason,
        patch.failingSince,
        at,
      ],
    );
    return rows[0];
  }

  async rotateSecret(
    m: EntityManager,
    id: string,
    secretEnc: string,
    previousEnc: string,
    previousExpiresAt: Date,
    at: Date,
  ): Promise<SubscriptionRow> {
    const [rows] = await m.query(
      `UPDATE webhook_subscription
          SET secret_enc = $2, previous_secret_enc = $3, previous_secret_expires_at = $4,
              version = version + 1, updated_at = $5
        WHERE id = $1 RETURNING *`,
      [id, secretEnc, previousEnc, previousExpiresAt, at],
    );
    return rows[0];
  }

  async delete(m: EntityManager, id: string): Promise<void> {
    await m.query(`DELETE FROM webhook_subscription WHERE id = $1`, [id]);
  }

  /** Newest first, keyset-paged on (created_at, id). */
  async deliveries(
    subscriptionId: string,
    limit: number,
    after: [string, string] | null,
  ): Promise<DeliveryRow[]> {
    return this.dataSource.query(
      `SELECT id, subscription_id, event_id, event_seq, event_type, regulation_id, status, attempts,
              next_attempt_at, last_status, last_error, created_at, completed_at
         FROM webhook_delivery
        WHERE subscription_id = $1
          AND ($2::timestamptz IS NULL OR (created_at, id) < ($2::timestamptz, $3::uuid))
        ORDER BY created_at DESC, id DESC LIMIT $4`,
      [subscriptionId, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
    );
  }

  async attemptsOf(deliveryIds: string[]): Promise<AttemptRow[]> {
    if (deliveryIds.length === 0) return [];
    return this.dataSource.query(
      `SELECT delivery_id, attempt, at, status_code, error, duration_ms FROM webhook_attempt
        WHERE delivery_id = ANY ($1::uuid[]) ORDER BY id`,
      [deliveryIds],
    );
  }

  async findDelivery(
    m: EntityManager,
    subscriptionId: string,
    deliveryId: string,
  ): Promise<DeliveryRow | null> {
    const rows = await m.query(
      `SELECT * FROM webhook_delivery WHERE id = $1 AND subscription_id = $2 FOR UPDATE`,
      [deliveryId, subscriptionId],
    );
    return rows[0] ?? null;
  }

  /** A manual retry: pending again, due now, with a fresh schedule. */
  async requeue(m: EntityManager, deliveryId: string, at: Date): Promise<DeliveryRow> {
    const [rows] = await m.query(
      `UPDATE webhook_delivery
          SET status = 'pending', attempts = 0, next_attempt_at = $2, lease_until = NULL,
              lease_token = NULL, completed_at = NULL
        WHERE id = $1 RETURNING *`,
      [deliveryId, at],
    );
    return rows[0];
  }

  /** A ping: a delivery of its own, outside the feed and the per-record order. */
  async insertPing(
    m: EntityManager,
    p: { deliveryId: string; subscriptionId: string; eventId: string; body: string; at: Date },
  ): Promise<DeliveryRow> {
    const [row] = await m.query(
      `INSERT INTO webhook_delivery (id, subscription_id, event_id, event_type, body, status,
              attempts, next_attempt_at, created_at)
       VALUES ($1, $2, $3, 'webhook.ping', $4, 'pending', 0, $5, $5) RETURNING *`,
      [p.deliveryId, p.subscriptionId, p.eventId, p.body, p.at],
    );
    return row;
  }
}
