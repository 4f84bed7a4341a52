import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { Tx } from '../../database/transaction-runner';
import { TimerHandler } from '../../jobs/decorators';
import { DueTimer, TimerHandlerClass } from '../../jobs/timers/timer-handler';
import { TimerService } from '../../jobs/timers/timer.service';
import { roundsClosedBetween } from '../domain/rounds';
import { TransitionContext, TransitionHooks } from '../../workflow/transition-hooks';
import { ROUND_REMINDER_DAYS } from '../consultation.config';
import { CONSULTATION_TOPICS, ConsultationOutbox } from '../persistence/consultation-outbox';
import {
  ConsultationRoundRepository,
  RoundWithAgency,
} from '../persistence/consultation-round.repository';
import { FeedbackRepository } from '../persistence/feedback.repository';

type ConsultationRound = Omit<RoundWithAgency, 'agency_id'>;

export const ROUND_CLOSING_SOON_TIMER = 'consultation.round-closing-soon';
const DAY_MS = 86_400_000;

/** One durable reminder per round; its own subject key, so the workflow's timers never touch it. */
export const reminderSubject = (roundId: string) => `consultation_round:${roundId}`;

/** How many items a round received, how many are unanswered, and which invited experts are silent. */
async function roundCounts(
  feedback: FeedbackRepository,
  m: EntityManager,
  round: Pick<RoundWithAgency, 'id' | 'round' | 'invited_expert_ids'>,
) {
  const { items, unanswered } = await feedback.roundCounts(m, round.id);
  const silent =
    round.round === 'expert'
      ? await feedback.silentExperts(m, round.id, round.invited_expert_ids)
      : [];
  return { items, unanswered, invitedExpertsWithoutFeedback: silent };
}

/**
 * What the consultation does inside workflow transitions (TransitionHooks, same transaction):
 * - OPEN_CONSULTATION: a durable "closing in 3 days" reminder per round (none when less remains);
 * - a round closing (deadline timer, early close, withdrawal): a `round_closed` event, and its
 *   reminder cancelled;
 * - SUBMIT_TO_GOVERNMENT_OFFICE: the cycle's items and answers are published (and frozen).
 */
@Injectable()
export class ConsultationTransitions implements OnModuleInit {
  constructor(
    private readonly hooks: TransitionHooks,
    private readonly timers: TimerService,
    private readonly outbox: ConsultationOutbox,
    private readonly rounds: ConsultationRoundRepository,
    private readonly feedback: FeedbackRepository,
  ) {}

  onModuleInit(): void {
    this.hooks.register(
      (tx, ctx) => this.onTransition(tx, ctx),
      (ctx) =>
        ctx.event.type === 'OPEN_CONSULTATION' ||
        ctx.before.stateName === 'consultation' ||
        ctx.event.type === 'SUBMIT_TO_GOVERNMENT_OFFICE',
    );
  }

  async onTransition(tx: Tx, ctx: TransitionContext): Promise<void> {
    if (ctx.event.type === 'OPEN_CONSULTATION') await this.scheduleReminders(tx, ctx);
    if (ctx.before.stateName === 'consultation') await this.roundsClosed(tx, ctx);
    if (ctx.event.type === 'SUBMIT_TO_GOVERNMENT_OFFICE') await this.publish(tx, ctx);
  }

  /** The rounds of the latest cycle (the context already names the regulation's agency). */
  private async latestRounds(tx: Tx, ctx: TransitionContext): Promise<ConsultationRound[]> {
    return (await this.rounds.latestCycle(tx.manager, ctx.regulation.id)) as ConsultationRound[];
  }

  private async scheduleReminders(tx: Tx, ctx: TransitionContext): Promise<void> {
    for (const round of await this.latestRounds(tx, ctx)) {
      const dueAt = new Date(new Date(round.closes_at).getTime() - ROUND_REMINDER_DAYS * DAY_MS);
      if (dueAt.getTime() < ctx.at.getTime()) continue; // less than 3 days left: no reminder
      await this.timers.schedule(tx, {
        kind: ROUND_CLOSING_SOON_TIMER,
        subjectKey: reminderSubject(round.id),
        dueAt,
        payload: { roundId: round.id },
      });
    }
  }

  private async roundsClosed(tx: Tx, ctx: TransitionContext): Promise<void> {
    const closed = roundsClosedBetween(ctx.before.state, ctx.after.state);
    if (closed.length === 0) return;
    for (const round of await this.latestRounds(tx, ctx)) {
      if (!closed.includes(round.round)) continue;
      await this.timers.cancel(tx, reminderSubject(round.id), ROUND_CLOSING_SOON_TIMER);
      await this.outbox.write(tx.manager, {
        topic: CONSULTATION_TOPICS.roundClosed,
        regulationId: ctx.regulation.id,
        roundId: round.id,
        at: ctx.at,
        payload: {
          consultationId: round.id,
          regulationId: ctx.regulation.id,
          agencyId: ctx.regulation.agencyId,
          round: round.round,
          cycle: round.cycle,
          closesAt: new Date(round.closes_at).toISOString(),
          closedAt: ctx.at.toISOString(),
          closeReason: round.close_reason,
          event: ctx.event.type,
          ...(await roundCounts(this.feedback, tx.manager, round)),
        },
      });
    }
  }

  private async publish(tx: Tx, ctx: TransitionContext): Promise<void> {
    await this.feedback.publishLatestCycle(tx.manager, ctx.regulation.id, ctx.at);
  }
}

/** Writes `round_closing_soon` when a round is still open 3 days before its deadline. */
@Injectable()
@TimerHandler(ROUND_CLOSING_SOON_TIMER)
export class RoundClosingSoonTimer implements TimerHandlerClass {
  constructor(
    private readonly outbox: ConsultationOutbox,
    private readonly clock: Clock,
    private readonly rounds: ConsultationRoundRepository,
    private readonly feedback: FeedbackRepository,
  ) {}

  async onTimer(timer: DueTimer, tx: Tx): Promise<void> {
    const roundId = String((timer.payload as { roundId?: unknown }).roundId ?? '');
    const round = await this.rounds.findWithAgency(tx.manager, roundId);
    if (!round || round.status !== 'open') return; // closed early or withdrawn: nothing to remind
    await this.outbox.write(tx.manager, {
      topic: CONSULTATION_TOPICS.roundClosingSoon,
      regulationId: round.regulation_id,
      roundId: round.id,
      at: this.clock.now(),
      payload: {
        consultationId: round.id,
        regulationId: round.regulation_id,
        agencyId: round.agency_id,
        round: round.round,
        cycle: round.cycle,
        closesAt: new Date(round.closes_at).toISOString(),
        daysLeft: ROUND_REMINDER_DAYS,
        ...(await roundCounts(this.feedback, tx.manager, round)),
      },
    });
  }
}
