import { Injectable, OnModuleInit } from '@nestjs/common';
import { Tx } from '../../database/transaction-runner';
import { TransitionContext, TransitionHooks } from '../../workflow/transition-hooks';
import { closeReasonFor, roundsClosedBetween } from '../domain/rounds';
import { ConsultationRoundsService } from './consultation-rounds.service';

/**
 * Before every other hook: the consultation's reminders and `round_closed` events, and any other
 * module's hook, read the rounds this one opens or closes in the same transition.
 */
export const ROUNDS_HOOK_ORDER = -100;

const opensRounds = (ctx: TransitionContext) =>
  ctx.event.type === 'OPEN_CONSULTATION' && ctx.context.consultation !== null;

/**
 * The rounds follow the statechart's regions, in the transition's transaction: OPEN_CONSULTATION
 * opens both rounds of the new cycle; a transition that closes a region (deadline timer, early
 * close, withdrawal) closes its round. Other transitions do not concern it, so they may still take
 * the workflow's short path.
 */
@Injectable()
export class RoundsTransitions implements OnModuleInit {
  constructor(
    private readonly hooks: TransitionHooks,
    private readonly rounds: ConsultationRoundsService,
  ) {}

  onModuleInit(): void {
    this.hooks.register(
      (tx, ctx) => this.onTransition(tx, ctx),
      (ctx) =>
        opensRounds(ctx) || roundsClosedBetween(ctx.before.state, ctx.after.state).length > 0,
      { order: ROUNDS_HOOK_ORDER },
    );
  }

  async onTransition(tx: Tx, ctx: TransitionContext): Promise<void> {
    const c = ctx.context.consultation;
    if (opensRounds(ctx) && c) {
      await this.rounds.open(tx.manager, ctx.regulation.id, {
        cycle: c.cycle,
        openedAt: c.openedAt,
        expertDeadline: c.expertDeadline,
        associationDeadline: c.associationDeadline,
        expertIds: c.expertIds,
      });
      return;
    }
    const closed = roundsClosedBetween(ctx.before.state, ctx.after.state);
    await this.rounds.close(
      tx.manager,
      ctx.regulation.id,
      ctx.context.cycle,
      closed,
      ctx.at,
      closeReasonFor(ctx.event.type),
    );
  }
}
