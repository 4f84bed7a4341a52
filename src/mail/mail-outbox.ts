import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { MailRepository } from './persistence/mail.repository';

/** One e-mail to send (the shared contract with the public-comments module). */
export interface OutgoingMail {
  /** Unique idempotency key chosen by the caller, e.g. `verify-email:${accountId}:${tokenId}`. */
  key: string;
  /** Address. */
  to: string;
  /** Vietnamese. */
  subject: string;
  /** Vietnamese plain text (html optional). */
  text: string;
  html?: string;
  /** Notification kind, e.g. 'email_verification', 'feedback_answered'. */
  kind: string;
  /** The app_user it is for, when there is one (for opt-outs). */
  userId?: string;
}

/** The mail port: what a module calls to send an e-mail; the workers deliver it. */
@Injectable()
export class MailOutbox {
  constructor(
    private readonly mails: MailRepository,
    private readonly clock: Clock,
  ) {}

  /** Inserts into mail_outbox inside the caller's transaction; a repeated key is ignored (ON CONFLICT DO NOTHING). */
  async enqueue(manager: EntityManager, mail: OutgoingMail): Promise<void> {
    await this.mails.insert(manager, {
      key: mail.key,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html ?? null,
      kind: mail.kind,
      userId: mail.userId ?? null,
      // The injectable clock, so a test's fixed clock decides when the mail is due.
      at: this.clock.now(),
    });
  }
}
