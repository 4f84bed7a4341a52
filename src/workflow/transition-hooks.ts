import { Injectable } from '@nestjs/common';
import type { StateValue } from 'xstate';
import { Tx } from '../database/transaction-runner';
import type { RegulationCommand, RegulationContext, RegulationStateName } from './domain';

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
  /** The machine's context after the transition (cycle, consultation deadlines, invited experts …). */
  context: Readonly<RegulationContext>;
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

export interface TransitionHookOptions {
  /**
   * Lower runs first (default 0); equal orders run in registration order. A hook whose records
   * other hooks read in the same transition (the consultation rounds) takes a negative order, so
   * that no module's init order decides it.
   */
  order?: number;
}

interface Registered {
  hook: TransitionHook;
  appliesTo?: TransitionHookFilter;
  order: number;
}

/**
 * Work that must commit or roll back with a transition (e.g. the consultation rounds, the targets
 * report's aggregates). Hooks run by `order`, then registration order, inside the transition's
 * transaction, after the regulation row, the history, the outbox and the timers are written; a
 * hook that throws aborts the transition.
 */
@Injectable()
export class TransitionHooks {
  private readonly hooks: Registered[] = [];

  register(
    hook: TransitionHook,
    appliesTo?: TransitionHookFilter,
    options: TransitionHookOptions = {},
  ): void {
    const entry: Registered = { hook, appliesTo, order: options.order ?? 0 };
    // Insert after every hook of the same or a lower order: stable by registration.
    const at = this.hooks.findIndex((h) => h.order > entry.order);
    if (at === -1) this.hooks.push(entry);
    else this.hooks.splice(at, 0, entry);
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
