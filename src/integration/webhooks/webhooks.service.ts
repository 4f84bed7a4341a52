import { HttpException, Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Clock } from '../../common/clock';
import { decodeCursor, Page, toPage } from '../../common/pagination';
import { ProblemException, ValidationProblem } from '../../common/problem';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { TransactionRunner } from '../../database/transaction-runner';
import { AgenciesService } from '../../identity/agencies/agencies.service';
import { AdminAuditService, diff } from '../../identity/audit/admin-audit.service';
import { Principal } from '../../identity/domain/principal';
import { webhookUrlProblem } from '../domain/address-rules';
import { eventListProblem, PING_EVENT_TYPE } from '../domain/event-types';
import { deliveryBody } from '../domain/events';
import { SecretBox } from '../domain/secret-box';
import { generateSecret } from '../domain/signing';
import { mayManageWebhook, webhookScopeProblem } from '../domain/visibility';
import { SECRET_BOX } from '../delivery/secret-box.provider';
import {
  CreatedWebhookDto,
  CreateWebhookDto,
  DeliveryDto,
  QueuedDeliveryDto,
  RotatedSecretDto,
  UpdateWebhookDto,
  WebhookDto,
} from '../dto/webhook.dto';
import { DeliveryRow, SubscriptionRow, WebhookRepository } from '../persistence/webhook.repository';
import { msg } from '../../common/i18n/catalogue';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function view(s: SubscriptionRow): WebhookDto {
  return {
    id: s.id,
    url: s.url,
    events: s.events,
    description: s.description,
    agencyId: s.agency_id,
    active: s.active,
    disabledReason: s.disabled_reason,
    failingSince: iso(s.failing_since),
    previousSecretExpiresAt: iso(s.previous_secret_expires_at),
    createdAt: iso(s.created_at)!,
    updatedAt: iso(s.updated_at)!,
  };
}

/** Webhook subscriptions (admin, gov_office; a ministry lead for their own agency). */
@Injectable()
export class WebhooksService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SECRET_BOX) private readonly box: SecretBox,
    private readonly webhooks: WebhookRepository,
    private readonly transactions: TransactionRunner,
    private readonly agencies: AgenciesService,
    private readonly audit: AdminAuditService,
    private readonly clock: Clock,
  ) {}

  async create(p: Principal, dto: CreateWebhookDto): Promise<CreatedWebhookDto> {
    const agencyId = dto.agencyId ?? null;
    const denied = webhookScopeProblem(p, agencyId);
    if (denied) throw new ProblemException(403, 'forbidden', denied.reason);
    this.validate(dto.url, dto.events);
    if (agencyId) await this.requireAgency(agencyId);
    const secret = generateSecret();
    const at = this.clock.now();
    const row = await this.transactions.run(async ({ manager }) => {
      const created = await this.webhooks.insert(manager, {
        id: randomUUID(),
        url: dto.url,
        events: dto.events,
        description: dto.description?.trim() || null,
        agencyId,
        createdBy: p.userId,
        createdByRole: p.role,
        secretEnc: this.box.seal(secret),
        at,
      });
      await this.audit.record(manager, p, {
        action: 'webhook.created',
        entityType: 'webhook',
        entityId: created.id,
        changes: { url: dto.url, events: dto.events, agencyId },
      });
      return created;
    });
    return { ...view(row), secret };
  }

  async list(p: Principal, limit: number, cursor?: string): Promise<Page<WebhookDto>> {
    const scope = p.role === 'admin' || p.role === 'gov_office' ? null : p.agencyId;
    const after = decodeCursor(cursor, 2) as [string, string] | null;
    const rows = await this.webhooks.list(scope, limit, after);
    return toPage(rows, limit, view, (s) => [iso(s.created_at), s.id]);
  }

  async get(p: Principal, id: string): Promise<WebhookDto> {
    return view(await this.visible(p, id));
  }

  async update(p: Principal, id: string, dto: UpdateWebhookDto): Promise<WebhookDto> {
    await this.visible(p, id);
    const at = this.clock.now();
    return this.transactions.run(async ({ manager }) => {
      const before = (await this.webhooks.findForUpdate(manager, id))!;
      const url = dto.url ?? before.url;
      const events = dto.events ?? before.events;
      this.validate(url, events);
      const active = dto.active ?? before.active;
      const reenabled = active && !before.active;
      const after = await this.webhooks.update(
        manager,
        id,
        {
          url,
          events,
          description:
            dto.description === undefined ? before.description : dto.description.trim() || null,
          active,
          disabledReason: active
            ? null
            : dto.active === false
              ? 'paused by a user'
              : before.disabled_reason,
          // Re-enabled: the failing period starts again from the next failure.
          failingSince: reenabled ? null : before.failing_since,
        },
        at,
      );
      await this.audit.record(manager, p, {
        action: 'webhook.updated',
        entityType: 'webhook',
        entityId: id,
        changes: diff(view(before), view(after), ['updatedAt']),
      });
      return view(after);
    });
  }

  async remove(p: Principal, id: string): Promise<void> {
    await this.visible(p, id);
    await this.transactions.run(async ({ manager }) => {
      await this.webhooks.delete(manager, id);
      await this.audit.record(manager, p, {
        action: 'webhook.deleted',
        entityType: 'webhook',
        entityId: id,
      });
    });
  }

  /** A new secret; the previous one keeps signing (beside it) for WEBHOOK_SECRET_OVERLAP_HOURS. */
  async rotateSecret(p: Principal, id: string): Promise<RotatedSecretDto> {
    await this.visible(p, id);
    const secret = generateSecret();
    const at = this.clock.now();
    const expires = new Date(at.getTime() + this.config.webhookSecretOverlapHours * 3_600_000);
    await this.transactions.run(async ({ manager }) => {
      const current = (await this.webhooks.findForUpdate(manager, id))!;
      await this.webhooks.rotateSecret(
        manager,
        id,
        this.box.seal(secret),
        current.secret_enc,
        expires,
        at,
      );
      await this.audit.record(manager, p, {
        action: 'webhook.secret_rotated',
        entityType: 'webhook',
        entityId: id,
        changes: { previousSecretExpiresAt: expires.toISOString() },
      });
    });
    return { id, secret, previousSecretExpiresAt: expires.toISOString() };
  }

  async deliveries(
    p: Principal,
    id: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<DeliveryDto>> {
    await this.visible(p, id);
    const after = decodeCursor(cursor, 2) as [string, string] | null;
    const rows = await this.webhooks.deliveries(id, limit, after);
    const attempts = await this.webhooks.attemptsOf(rows.slice(0, limit).map((r) => r.id));
    const page = toPage(
      rows,
      limit,
      (d) => deliveryView(d, []),
      (d) => [iso(d.created_at), d.id],
    );
    for (const item of page.items) {
      item.attemptLog = attempts
        .filter((a) => a.delivery_id === item.id)
        .map((a) => ({
          attempt: a.attempt,
          at: iso(a.at)!,
          statusCode: a.status_code,
          error: a.error,
          durationMs: a.duration_ms,
        }));
    }
    return page;
  }

  /** Sends a delivery again now (a failed one, or one waiting for its next attempt). */
  async retry(p: Principal, id: string, deliveryId: string): Promise<QueuedDeliveryDto> {
    await this.visible(p, id);
    return this.transactions.run(async ({ manager }) => {
      const d = await this.webhooks.findDelivery(manager, id, deliveryId);
      if (!d) throw new ProblemException(404, 'not-found', msg('webhook.noSuchDelivery'));
      if (d.status === 'delivered') {
        throw new ProblemException(409, 'already-delivered', msg('webhook.delivered'));
      }
      const r = await this.webhooks.requeue(manager, deliveryId, this.clock.now());
      return { deliveryId: r.id, eventId: r.event_id, status: 'pending' as const };
    });
  }

  /** Queues a `webhook.ping` delivery (signed like any other) for the workers. */
  async ping(p: Principal, id: string): Promise<QueuedDeliveryDto> {
    await this.visible(p, id);
    const at = this.clock.now();
    const eventId = randomUUID();
    const body = deliveryBody({
      id: eventId,
      type: PING_EVENT_TYPE,
      occurredAt: at,
      data: { webhookId: id },
    });
    const d = await this.transactions.run(({ manager }) =>
      this.webhooks.insertPing(manager, {
        deliveryId: randomUUID(),
        subscriptionId: id,
        eventId,
        body,
        at,
      }),
    );
    return { deliveryId: d.id, eventId, status: 'pending' };
  }

  private validate(url: string, events: string[]) {
    const errors = [];
    const urlProblem = webhookUrlProblem(url, this.config.webhookAllowPrivate);
    if (urlProblem) errors.push({ field: 'url', message: urlProblem });
    const eventsProblem = eventListProblem(events);
    if (eventsProblem) errors.push({ field: 'events', message: eventsProblem });
    if (errors.length) throw new ValidationProblem(errors);
  }

  private async requireAgency(agencyId: string) {
    try {
      await this.agencies.get(agencyId);
    } catch (err) {
      if (err instanceof HttpException && err.getStatus() === 404) {
        throw new ValidationProblem([{ field: 'agencyId', message: 'no such agency' }]);
      }
      throw err;
    }
  }

  /** A hook the caller may not manage is a 404 for them, as any record they may not see. */
  private async visible(p: Principal, id: string): Promise<SubscriptionRow> {
    const row = await this.webhooks.find(id);
    if (!row || !mayManageWebhook(p, row.agency_id)) {
      throw new ProblemException(404, 'not-found', msg('webhook.noSuch'));
    }
    return row;
  }
}

function deliveryView(d: DeliveryRow, attemptLog: DeliveryDto['attemptLog']): DeliveryDto {
  return {
    id: d.id,
    eventId: d.event_id,
    eventSeq: d.event_seq === null ? null : Number(d.event_seq),
    type: d.event_type,
    regulationId: d.regulation_id,
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: d.status === 'pending' ? iso(d.next_attempt_at) : null,
    createdAt: iso(d.created_at)!,
    completedAt: iso(d.completed_at),
    attemptLog,
  };
}
