import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Recipient } from '../identity/users/user-directory';
import { MailOutbox } from '../mail/mail-outbox';
import { dedupeKey, NotificationKind } from './domain/kinds';
import { absoluteLink, linkFor, LinkTarget } from './domain/links';
import { mailText, render, TemplateContext } from './domain/templates';
import { NotificationRepository } from './persistence/notification.repository';

export interface NotifyRequest {
  kind: NotificationKind;
  /** What the notification is about (a round, a feedback item …), part of the dedupe key. */
  subject: string;
  regulationId: string;
  target: LinkTarget;
  context: TemplateContext;
}

/**
 * Writes the in-app notification and enqueues its e-mail in the caller's transaction, once per
 * (kind, subject, user): a repeated call (a sweep run twice, an event read again) changes nothing.
 * Each user's preference for the kind decides the channels.
 */
@Injectable()
export class Notifier {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notifications: NotificationRepository,
    private readonly mail: MailOutbox,
    private readonly clock: Clock,
  ) {}

  /** Returns how many users were newly notified. */
  async notify(m: EntityManager, recipients: Recipient[], r: NotifyRequest): Promise<number> {
    const unique = [...new Map(recipients.map((u) => [u.id, u])).values()];
    const prefs = await this.notifications.preferencesFor(
      m,
      unique.map((u) => u.id),
      r.kind,
    );
    const rendered = render(r.kind, r.context);
    const at = this.clock.now();
    let count = 0;
    for (const user of unique) {
      const pref = prefs.get(user.id) ?? { email: true, inApp: true };
      const key = dedupeKey(r.kind, r.subject, user.id);
      const link = linkFor(user.role, r.target);
      if (pref.inApp) {
        // The inbox row is the dedupe record; with the inbox off, the mail's key alone dedupes.
        const fresh = await this.notifications.insert(m, {
          userId: user.id,
          kind: r.kind,
          title: rendered.title,
          body: rendered.body,
          link,
          regulationId: r.regulationId,
          dedupeKey: key,
          at,
        });
        if (!fresh) continue;
        count++;
      }
      if (pref.email && user.email) {
        await this.mail.enqueue(m, {
          key: `notification:${key}`,
          to: user.email,
          subject: rendered.title,
          text: mailText(
            user.fullName,
            rendered,
            absoluteLink(this.config.publicUrl, link),
            absoluteLink(this.config.publicUrl, '/thong-bao'),
          ),
          kind: r.kind,
          userId: user.id,
        });
      }
    }
    return count;
  }
}
