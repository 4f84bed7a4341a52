import { Injectable } from '@nestjs/common';
import type { StateValue } from 'xstate';
import { Tx } from '../database/transaction-runner';
import type { RegulationCommand, RegulationStateName } from './domain';

/** Who caused a transition: a user, an integration client's API key, or the timer service. */
export interface WorkflowActorInfo {
  kind: 'user' | 'api_key' | 'system';
  /** User id, API key id, or null for the system. */
  id: string | null;
  /** The user id to record as the changer (null for API keys and the system). */
  userId: string | null;
  role: string;
  agencyId: string | null;
}

export interface TransitionSide {
  state: StateValue;
  stateName: RegulationStateName;
  version: number;
}

export interface TransitionContext {
  regulation: { id: string; agencyId: string; published: boolean; planPublic: boolean };
  before: TransitionSide;
  after: TransitionSide;
  /** The accepted event as validated and normalised (deadlines in UTC ISO). */
  event: RegulationCommand;
  actor: WorkflowActorInfo;
  /** The instant of the transition (the service's clock). */
  at: Date;
  /** Seq of the history entry written for this transition. */
  historySeq: number;
}

export type TransitionHook = (tx: Tx, ctx: TransitionContext) => Promise<void>;

/**
 * Which transitions a hook has work for. A transition no registered hook applies to can be written
 * as one statement without a transaction (the workflow's short path); a hook registered without
 * one applies to every transition.
 */
export type TransitionHookFilter = (ctx: TransitionContext) => boolean;

/**
 * Work that must commit or roll back with a transition (e.g. the targets report's aggregates).
 * Hooks run in registration order inside the transition's transaction, after the regulation row,
 * the history and the outbox are written; a hook that throws aborts the transition.
 */
@Injectable()
export class TransitionHooks {
  private readonly hooks: Array<{ hook: TransitionHook; appliesTo?: TransitionHookFilter }> = [];

  register(hook: TransitionHook, appliesTo?: TransitionHookFilter): void {
    this.hooks.push({ hook, appliesTo });
  }

  /** Whether any hook has work for this transition. */
  apply(ctx: TransitionContext): boolean {
    return this.hooks.some((h) => !h.appliesTo || h.appliesTo(ctx));
  }

  get size(): number {
    return this.hooks.length;
  }

  async run(tx: Tx, ctx: TransitionContext): Promise<void> {
    // Sequential: one transaction's connection runs one query at a time.
    for (const { hook, appliesTo } of this.hooks) {
      if (!appliesTo || appliesTo(ctx)) await hook(tx, ctx);
    }
  }
}
