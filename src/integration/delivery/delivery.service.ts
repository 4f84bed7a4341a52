import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { TransactionRunner } from '../../database/transaction-runner';
import { AdminAuditService } from '../../identity/audit/admin-audit.service';
import { nextAttemptAt, shouldDisable } from '../domain/retry-schedule';
import { SecretBox } from '../domain/secret-box';
import { signedHeaders } from '../domain/signing';
import { ClaimedDelivery, DeliveryRepository } from '../persistence/delivery.repository';
import { HttpSender, SendResult } from './http-sender';
import { SECRET_BOX } from './secret-box.provider';

const DAY_MS = 86_400_000;
/** Deliveries one worker claims (and sends concurrently) at a time. */
export const CLAIM_BATCH = 100;

interface Sent {
  d: ClaimedDelivery;
  result: SendResult;
  ok: boolean;
  at: Date;
}

/**
 * Delivers due webhook deliveries: claim under a lease (timeout + margin), POST with Standard
 * Webhooks headers, record the attempt. At least once: a worker that dies after the POST but
 * before recording it leaves the lease to expire, and the same `webhook-id` is sent again.
 */
@Injectable()
export class DeliveryService {
  private readonly logger = new Logger(DeliveryService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SECRET_BOX) private readonly box: SecretBox,
    private readonly deliveries: DeliveryRepository,
    private readonly sender: HttpSender,
    private readonly transactions: TransactionRunner,
    private readonly audit: AdminAuditService,
    private readonly clock: Clock,
  ) {}

  /** Claims and delivers one batch concurrently; returns how many were attempted. */
  async deliverDue(limit = CLAIM_BATCH): Promise<number> {
    const now = this.clock.now();
    // The lease outlives the request's timeout, so a live worker never loses its claim.
    const leaseUntil = new Date(now.getTime() + this.config.webhookTimeoutMs * 2 + 1_000);
    const claimed = await this.deliveries.claim(now, leaseUntil, limit);
    await this.recordAll(await Promise.all(claimed.map((d) => this.attempt(d))));
    return claimed.length;
  }

  /** Until nothing is due (bounded, so one caller never loops forever on a busy queue). */
  async deliverAllDue(maxBatches = 100): Promise<number> {
    let total = 0;
    for (let i = 0; i < maxBatches; i++) {
      const n = await this.deliverDue();
      total += n;
      if (n === 0) break;
    }
    return total;
  }

  private secretsOf(d: ClaimedDelivery, at: Date): string[] {
    const secrets = [this.box.open(d.secret_enc)];
    if (
      d.previous_secret_enc &&
      d.previous_secret_expires_at &&
      new Date(d.previous_secret_expires_at).getTime() > at.getTime()
    ) {
      secrets.push(this.box.open(d.previous_secret_enc));
    }
    return secrets;
  }

  /** Sends one delivery; the outcome is recorded by the caller. */
  private async attempt(d: ClaimedDelivery): Promise<Sent> {
    // The receiver checks webhook-timestamp against its own clock (replay window): wall time.
    const sentAt = new Date();
    const headers = signedHeaders(this.secretsOf(d, this.clock.now()), d.event_id, sentAt, d.body);
    const result = await this.sender.post(d.url, { ...headers }, d.body);
    const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
    return { d, result, ok, at: this.clock.now() };
  }

  /**
   * Successes in one transaction (set-based: the common case stays cheap under load); each
   * failure in its own, with the subscription's health. A recording that fails leaves the lease to
   * expire and the delivery is tried again: at least once, never lost.
   */
  private async recordAll(sent: Sent[]): Promise<void> {
    const delivered = sent.filter((s) => s.ok);
    if (delivered.length > 0) {
      await this.transactions
        .run(({ manager }) =>
          this.deliveries.recordDelivered(
            manager,
            delivered.map((s) => ({
              deliveryId: s.d.id,
              leaseToken: s.d.lease_token,
              attempt: s.d.attempts,
              at: s.at,
              statusCode: s.result.statusCode,
              durationMs: s.result.durationMs,
            })),
          ),
        )
        .catch((err) =>
          this.logger.warn(
            `recording ${delivered.length} deliveries failed (will retry): ${String(err)}`,
          ),
        );
    }
    for (const s of sent.filter((x) => !x.ok)) await this.recordFailure(s);
  }

  private async recordFailure({ d, result, at }: Sent): Promise<void> {
    const next = nextAttemptAt(d.attempts, at);
    const error = result.error ?? `HTTP ${result.statusCode}`;
    try {
      await this.transactions.run(async ({ manager }) => {
        const subscriptionId = await this.deliveries.record(manager, {
          deliveryId: d.id,
          leaseToken: d.lease_token,
          attempt: d.attempts,
          at,
          statusCode: result.statusCode,
          error,
          durationMs: result.durationMs,
          status: next ? 'pending' : 'failed',
          nextAttemptAt: next,
        });
        if (!subscriptionId) return;
        const health = await this.deliveries.markFailing(manager, subscriptionId, at);
        const disableAfterMs = this.config.webhookDisableAfterDays * DAY_MS;
        if (health?.active && shouldDisable(health.failingSince, at, disableAfterMs)) {
          const reason = `every delivery failed since ${health.failingSince.toISOString()} (more than ${this.config.webhookDisableAfterDays} days)`;
          await this.deliveries.disable(manager, subscriptionId, reason, at);
          await this.audit.record(manager, null, {
            action: 'webhook.disabled',
            entityType: 'webhook',
            entityId: subscriptionId,
            changes: { active: { from: true, to: false }, reason, lastError: error },
          });
          this.logger.warn(`webhook ${subscriptionId} disabled: ${reason}`);
        }
      });
    } catch (err) {
      this.logger.warn(`recording delivery ${d.id} failed (will retry): ${String(err)}`);
    }
  }
}
