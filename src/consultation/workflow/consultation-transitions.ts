import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { Tx } from '../../database/transaction-runner';
import { TimerHandler } from '../../jobs/decorators';
import { DueTimer, TimerHandlerClass } from '../../jobs/timers/timer-handler';
import { TimerService } from '../../jobs/timers/timer.service';
import { RoundKind, roundsClosedBetween } from '../domain/rounds';
import { TransitionContext, TransitionHooks } from '../../workflow/transition-hooks';
import { ROUND_REMINDER_DAYS } from '../consultation.config';
import { CONSULTATION_TOPICS, ConsultationOutbox } from '../persistence/consultation-outbox';

export const ROUND_CLOSING_SOON_TIMER = 'consultation.round-closing-soon';
const DAY_MS = 86_400_000;

/** One durable reminder per round; its own subject key, so the workflow's timers never touch it. */
export const reminderSubject = (roundId: string) => `consultation_round:${roundId}`;

interface RoundRow {
  id: string;
  regulation_id: string;
  cycle: number;
  round: RoundKind;
  closes_at: Date;
  status: 'open' | 'closed';
  closed_at: Date | null;
  close_reason: string | null;
  invited_expert_ids: string[];
  agency_id: string;
}

async function latestRounds(m: EntityManager, regulationId: string): Promise<RoundRow[]> {
  return m.query(
    `SELECT c.*, r.agency_id FROM consultation_round c JOIN regulation r ON r.id = c.regulation_id
      WHERE c.regulation_id = $1
        AND c.cycle = (SELECT max(cycle) FROM consultation_round WHERE regulation_id = $1)`,
    [regulationId],
  );
}

/** How many items a round received, how many are unanswered, and which invited experts are silent. */
async function roundCounts(m: EntityManager, round: RoundRow) {
  const [row] = await m.query(
    `SELECT count(*)::int AS items,
            count(*) FILTER (WHERE NOT EXISTS (
              SELECT 1 FROM feedback_response r WHERE r.feedback_id = f.id))::int AS unanswered
       FROM consultation_feedback f WHERE f.round_id = $1`,
    [round.id],
  );
  const silent: Array<{ id: string }> =
    round.round === 'expert'
      ? await m.query(
          `SELECT e AS id FROM unnest($2::uuid[]) e
            WHERE NOT EXISTS (SELECT 1 FROM consultation_feedback f
                               WHERE f.round_id = $1 AND f.author_id = e)`,
          [round.id, round.invited_expert_ids],
        )
      : [];
  return {
    items: Number(row.items),
    unanswered: Number(row.unanswered),
    invitedExpertsWithoutFeedback: silent.map((s) => s.id),
  };
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

  private async scheduleReminders(tx: Tx, ctx: TransitionContext): Promise<void> {
    for (const round of await latestRounds(tx.manager, ctx.regulation.id)) {
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
    for (const round of await latestRounds(tx.manager, ctx.regulation.id)) {
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
          ...(await roundCounts(tx.manager, round)),
        },
      });
    }
  }

  private async publish(tx: Tx, ctx: TransitionContext): Promise<void> {
    await tx.manager.query(
      `UPDATE consultation_feedback SET published_at = $2
        WHERE regulation_id = $1 AND published_at IS NULL
          AND cycle = (SELECT max(cycle) FROM consultation_round WHERE regulation_id = $1)`,
      [ctx.regulation.id, ctx.at],
    );
  }
}

/** Writes `round_closing_soon` when a round is still open 3 days before its deadline. */
@Injectable()
@TimerHandler(ROUND_CLOSING_SOON_TIMER)
export class RoundClosingSoonTimer implements TimerHandlerClass {
  constructor(
    private readonly outbox: ConsultationOutbox,
    private readonly clock: Clock,
  ) {}

  async onTimer(timer: DueTimer, tx: Tx): Promise<void> {
    const roundId = String((timer.payload as { roundId?: unknown }).roundId ?? '');
    const rows: RoundRow[] = await tx.manager.query(
      `SELECT c.*, r.agency_id FROM consultation_round c JOIN regulation r ON r.id = c.regulation_id
        WHERE c.id::text = $1`,
      [roundId],
    );
    const round = rows[0];
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
        ...(await roundCounts(tx.manager, round)),
      },
    });
  }
}
