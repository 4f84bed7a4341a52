import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { messageIdOf, nextMailAttemptAt } from './domain/retry';
import { MailTransport } from './mail-transport';
import { ClaimedMail, MailRepository } from './persistence/mail.repository';

/** Mails one worker claims (and sends concurrently) at a time. */
const CLAIM_BATCH = 20;
/** Longer than the transport's own timeouts, so a live worker never loses its claim. */
const LEASE_MS = 3 * 60_000;
const DAY_MS = 86_400_000;
const PRUNE_BATCH = 5_000;

/**
 * Delivers due mail_outbox rows: claim under a lease, send with a Message-ID derived from the row,
 * mark the row sent. At least once: a worker dying between the relay's acceptance and the mark
 * leaves the lease to expire, and the same Message-ID goes out again; never lost.
 */
@Injectable()
export class MailDeliveryService {
  private readonly logger = new Logger(MailDeliveryService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mails: MailRepository,
    private readonly transport: MailTransport,
    private readonly clock: Clock,
  ) {}

  /** One batch; returns how many rows were attempted (or skipped). */
  async deliverDue(limit = CLAIM_BATCH): Promise<number> {
    if (!this.transport.configured) return this.mails.skipPending(limit * 10);
    const now = this.clock.now();
    const claimed = await this.mails.claim(now, new Date(now.getTime() + LEASE_MS), limit);
    await Promise.all(claimed.map((m) => this.attempt(m)));
    return claimed.length;
  }

  /**
   * Prunes finished mails older than OUTBOX_RETENTION_DAYS (their text may hold a verification
   * link, and the table would only grow); returns how many went.
   */
  async prune(): Promise<number> {
    const before = new Date(this.clock.now().getTime() - this.config.outboxRetentionDays * DAY_MS);
    let total = 0;
    for (let n = -1; n !== 0;) {
      n = await this.mails.pruneFinished(before, PRUNE_BATCH);
      total += n;
    }
    return total;
  }

  /** Until nothing is due (bounded, so one caller never loops forever on a busy queue). */
  async deliverAllDue(maxBatches = 50): Promise<number> {
    let total = 0;
    for (let i = 0; i < maxBatches; i++) {
      const n = await this.deliverDue();
      total += n;
      if (n === 0) break;
    }
    return total;
  }

  private async attempt(m: ClaimedMail): Promise<void> {
    try {
      await this.transport.send({
        messageId: messageIdOf(m.id, this.config.mailFrom),
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html ?? undefined,
      });
    } catch (err) {
      const next = nextMailAttemptAt(m.attempts, this.clock.now());
      this.logger.warn(
        `mail ${m.id} (${m.kind}) attempt ${m.attempts} failed${next ? '' : ' for good'}: ${String(err)}`,
      );
      await this.mails
        .markFailed(m.id, m.lease_token, String(err), next)
        .catch((e) => this.logger.warn(`recording mail ${m.id} failed: ${String(e)}`));
      return;
    }
    // A failure here leaves the lease to expire: the mail is sent again, never lost.
    await this.mails
      .markSent(m.id, m.lease_token, this.clock.now())
      .catch((e) => this.logger.warn(`recording mail ${m.id} as sent failed: ${String(e)}`));
  }
}
