import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { FeedbackTasksReader } from '../../consultation/feedback/feedback-tasks.reader';
import { MINISTRY_ROLES } from '../../identity/domain/roles';
import { Recipient, UserDirectory } from '../../identity/users/user-directory';
import { FeedEvent } from '../../integration/changes/change-feed.reader';
import { RegulationEntity } from '../../register/persistence/regulation.entity';
import { RegulationRepository } from '../../register/persistence/regulation.repository';
import type { ConsultationRoundView } from '../../consultation/domain/rounds';
import { RoundsReader } from '../../consultation/rounds/rounds.reader';
import { Notifier } from '../notifier';
import { NotificationRepository } from '../persistence/notification.repository';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The implementation deadline the decision set, from the workflow's persisted context. */
export function implementationDeadlineOf(r: RegulationEntity): string | undefined {
  const ctx = (r.workflowSnapshot as { snapshot?: { context?: any } } | null)?.snapshot?.context;
  return str(ctx?.decision?.implementationDeadline);
}

/**
 * Who is told what (issue 17), from the change feed's events and from the time-based sweep. Each
 * call runs in the caller's transaction; the Notifier's dedupe keys make every call repeatable.
 */
@Injectable()
export class NotificationTriggers {
  constructor(
    private readonly notifier: Notifier,
    private readonly users: UserDirectory,
    private readonly regulations: RegulationRepository,
    private readonly rounds: RoundsReader,
    private readonly feedback: FeedbackTasksReader,
    private readonly notifications: NotificationRepository,
  ) {}

  /**
   * What an event of the change feed notifies, as work to run in the worker's transaction, or
   * undefined when it notifies nobody (decided from the event alone, without a query).
   */
  handlerFor(e: FeedEvent): ((m: EntityManager) => Promise<unknown>) | undefined {
    const regulationId = e.regulationId;
    if (!regulationId) return undefined;
    const d = e.data;
    switch (e.type) {
      case 'regulation.transitioned':
        if (d.event === 'OPEN_CONSULTATION') {
          return (m) => this.consultationOpened(m, regulationId);
        }
        if (d.event === 'RETURN_FOR_REVISION') {
          const payload = (d.payload ?? {}) as { reasons?: unknown };
          const reasons = Array.isArray(payload.reasons) ? payload.reasons.map(String) : [];
          return (m) =>
            this.toAgency(m, regulationId, 'plan_returned', `${d.historySeq ?? e.id}`, {
              reasons,
            });
        }
        return undefined;
      case 'decision.recorded':
        return (m) =>
          this.toAgency(m, regulationId, 'decision_recorded', `${d.version ?? e.id}`, {
            outcome: str(d.outcome),
            decisionNumber: str(d.decisionNumber),
            deadline: str(d.implementationDeadline),
          });
      case 'feedback.submitted':
        return (m) =>
          this.toAgency(
            m,
            regulationId,
            'feedback_received',
            String(d.feedbackId),
            { roundKind: d.round === 'association' ? 'association' : 'expert' },
            'consultation',
          );
      case 'feedback.answered':
        return async (m) => {
          const regulation = await this.regulations.find(regulationId, m);
          const author = await this.users.active([String(d.authorId)], m);
          if (!regulation || author.length === 0) return;
          return this.notifier.notify(m, author, {
            kind: 'feedback_answered',
            subject: `${String(d.feedbackId)}:v${String(d.version ?? 1)}`,
            regulationId: regulation.id,
            target: { kind: 'my_feedback', regulationId: regulation.id },
            context: { regulationTitle: regulation.title, disposition: str(d.disposition) },
          });
        };
      case 'consultation.closing_soon':
        return async (m) => {
          const round = (await this.rounds.latestCycle(regulationId, m)).find(
            (r) => r.id === d.consultationId,
          );
          if (round && round.status === 'open') await this.closingSoon(m, round);
        };
      case 'consultation.closed':
        return (m) =>
          this.toAgency(
            m,
            regulationId,
            'round_closed',
            String(d.consultationId),
            { roundKind: d.round === 'association' ? 'association' : 'expert' },
            'consultation',
          );
      case 'implementation.overdue':
        return async (m) => {
          const regulation = await this.regulations.find(regulationId, m);
          if (!regulation) return;
          return this.toAgency(m, regulationId, 'implementation_overdue', `${d.version ?? e.id}`, {
            deadline: implementationDeadlineOf(regulation),
          });
        };
      default:
        return undefined;
    }
  }

  /** OPEN_CONSULTATION: the invited experts, and the associations following the sector. */
  private async consultationOpened(m: EntityManager, regulationId: string): Promise<void> {
    const regulation = await this.regulations.find(regulationId, m);
    if (!regulation) return;
    for (const round of await this.rounds.latestCycle(regulationId, m)) {
      if (round.status !== 'open') continue;
      const recipients =
        round.round === 'expert'
          ? await this.users.active(round.invitedExpertIds, m)
          : await this.sectorAssociations(m, regulation.sectorCode);
      await this.notifier.notify(m, recipients, {
        kind: round.round === 'expert' ? 'expert_invited' : 'round_opened',
        subject: round.id,
        regulationId,
        target: { kind: 'round', regulationId, roundId: round.id },
        context: { regulationTitle: regulation.title, closesAt: round.closesAt },
      });
    }
  }

  /** Three days before a round closes: those who have not given feedback yet. */
  async closingSoon(m: EntityManager, round: ConsultationRoundView): Promise<number> {
    const regulation = await this.regulations.find(round.regulationId, m);
    if (!regulation) return 0;
    let recipients: Recipient[];
    if (round.round === 'expert') {
      recipients = await this.users.active(round.invitedExpertIds, m);
    } else {
      recipients = await this.sectorAssociations(m, regulation.sectorCode);
    }
    const silent: Recipient[] = [];
    for (const u of recipients) {
      const given = await this.feedback.roundsWithFeedbackBy(u.id, [round.id], m);
      if (!given.has(round.id)) silent.push(u);
    }
    return this.notifier.notify(m, silent, {
      kind: 'round_closing_soon',
      subject: round.id,
      regulationId: regulation.id,
      target: { kind: 'round', regulationId: regulation.id, roundId: round.id },
      context: {
        regulationTitle: regulation.title,
        roundKind: round.round,
        closesAt: round.closesAt,
      },
    });
  }

  /** Seven days before the implementation deadline: the owning agency. */
  async dueSoon(m: EntityManager, regulation: RegulationEntity, deadline: string) {
    return this.toAgency(m, regulation.id, 'implementation_due_soon', deadline, { deadline });
  }

  /** The Government Office's reminder (đôn đốc), in the reminder's transaction. */
  async reminderSent(
    m: EntityManager,
    r: { id: string; regulationId: string; note: string; implementationDeadline: string | null },
  ) {
    return this.toAgency(m, r.regulationId, 'implementation_reminder', r.id, {
      note: r.note,
      deadline: r.implementationDeadline ?? undefined,
    });
  }

  private async sectorAssociations(m: EntityManager, sectorCode: string) {
    const followers = await this.notifications.followersOf(m, sectorCode);
    return (await this.users.active(followers, m)).filter((u) => u.role === 'association');
  }

  /** To the owning agency's officers and leads. */
  private async toAgency(
    m: EntityManager,
    regulationId: string,
    kind: Parameters<Notifier['notify']>[2]['kind'],
    subject: string,
    context: Omit<Parameters<Notifier['notify']>[2]['context'], 'regulationTitle'>,
    tab?: 'consultation',
  ): Promise<number> {
    const regulation = await this.regulations.find(regulationId, m);
    if (!regulation) return 0;
    const officers = await this.users.ofAgency(regulation.agencyId, MINISTRY_ROLES, m);
    return this.notifier.notify(m, officers, {
      kind,
      subject: `${regulationId}:${subject}`,
      regulationId,
      target: { kind: 'regulation', regulationId, tab },
      context: { regulationTitle: regulation.title, ...context },
    });
  }
}
