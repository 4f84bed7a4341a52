import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { isMinistry, ownsRecord, readsEverything } from '../../access/access-policy';
import { Clock } from '../../common/clock';
import {
  decodeCursor,
  DEFAULT_LIMIT,
  encodeCursor,
  invalidCursor,
  Page,
} from '../../common/pagination';
import { ProblemException, ValidationProblem } from '../../common/problem';
import { TransactionRunner } from '../../database/transaction-runner';
import { Principal } from '../../identity/domain/principal';
import { NotificationTriggers } from '../../notifications/triggers/feed-triggers';
import { RegulationRepository } from '../../register/persistence/regulation.repository';
import { ReminderRow, RemindersRepository } from '../persistence/reminders.repository';
import { ReminderListQuery, SendReminderDto } from './reminder.dto';
import { isUuid } from '../../common/ids';
import { msg } from '../../common/i18n/catalogue';

/**
 * Đôn đốc: while an approved plan is being implemented (on track or overdue), the Government
 * Office reminds the owning ministry, with a note the ministry reads. Reminders are internal: the
 * owning agency and those who read everything see them.
 */
@Injectable()
export class RemindersService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly regulations: RegulationRepository,
    private readonly reminders: RemindersRepository,
    private readonly clock: Clock,
    private readonly notifications: NotificationTriggers,
  ) {}

  send(p: Principal, regulationId: string, dto: SendReminderDto): Promise<ReminderRow> {
    const note = dto.note.trim();
    if (!note) throw new ValidationProblem([{ field: 'note', message: 'must not be blank' }]);
    return this.transactions.run(async ({ manager }) => {
      // Locked like a transition: a reminder never lands after the implementation was recorded.
      const r = await this.regulations.findForUpdate(manager, regulationId);
      if (!r) throw new ProblemException(404, 'not-found', msg('regulation.noSuch'));
      if (r.stateName !== 'implementing') {
        throw new ProblemException(
          409,
          'not-implementing',
          msg('reminder.onlyImplementing', { state: r.stateName }),
          { stateName: r.stateName },
        );
      }
      const state = r.state as { implementing?: string } | null;
      const context = (r.workflowSnapshot as any)?.snapshot?.context;
      const reminder = await this.reminders.insert(manager, {
        id: randomUUID(),
        regulationId: r.id,
        agencyId: r.agencyId,
        note,
        overdue: state?.implementing === 'overdue',
        implementationDeadline: context?.decision?.implementationDeadline ?? null,
        sentBy: p.userId,
        sentAt: this.clock.now(),
      });
      // The ministry is told (inbox + e-mail) in the reminder's own transaction.
      await this.notifications.reminderSent(manager, reminder);
      return reminder;
    });
  }

  /** The reminders of one regulation: for its agency and the Government Office (404 otherwise). */
  async ofRegulation(p: Principal, regulationId: string): Promise<{ items: ReminderRow[] }> {
    const r = await this.regulations.find(regulationId);
    if (!r || !(readsEverything(p) || ownsRecord(p, r))) {
      throw new ProblemException(404, 'not-found', msg('regulation.noSuch'));
    }
    return { items: await this.reminders.ofRegulation(regulationId) };
  }

  /** Newest first: a ministry reads its own; the Government Office all or one agency. */
  async list(p: Principal, q: ReminderListQuery): Promise<Page<ReminderRow>> {
    let agencyId: string | null = q.agencyId ?? null;
    if (isMinistry(p)) {
      if (agencyId && agencyId !== p.agencyId) {
        throw new ProblemException(403, 'forbidden', msg('reminder.ownOnly'));
      }
      agencyId = p.agencyId;
    }
    const limit = q.limit ?? DEFAULT_LIMIT;
    const key = decodeCursor(q.cursor, 2);
    if (
      key &&
      (typeof key[0] !== 'string' ||
        Number.isNaN(Date.parse(key[0])) ||
        typeof key[1] !== 'string' ||
        !isUuid(key[1]))
    ) {
      throw invalidCursor();
    }
    const rows = await this.reminders.list({
      agencyId,
      limit,
      after: key ? [key[0] as string, key[1] as string] : undefined,
    });
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: rows.length > limit ? encodeCursor([last.sentAt, last.id]) : null,
    };
  }
}
