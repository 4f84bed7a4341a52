import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type {
  FactsInput,
  PersistedWorkflowSnapshot,
  RegulationEventType,
  WorkflowFacts,
} from './domain';
import { FACTS_READ_BY_EVENT } from './domain';

/** The facts other modules may supply (the register's own facts are read by WorkflowService). */
export type ContributedFact = 'invitedExpertsWithoutFeedback' | 'unansweredFeedbackCount';

export interface FactsContext {
  regulationId: string;
  eventType: RegulationEventType;
  /** The stored snapshot before the event (its context holds the current consultation cycle). */
  snapshot: PersistedWorkflowSnapshot;
  /** The current consultation cycle (0 before the first consultation). */
  cycle: number;
  /** Experts invited to the current cycle's expert round. */
  invitedExpertIds: string[];
}

/**
 * Supplies some facts for the guards, read in the transition's transaction (after the regulation
 * row is locked). The consultation module registers one for feedback counts; a contributor
 * returns only the facts it knows, and later registrations override earlier ones.
 */
export interface WorkflowFactsContributor {
  facts: readonly ContributedFact[];
  load(
    manager: EntityManager,
    ctx: FactsContext,
  ): Promise<Partial<Pick<WorkflowFacts, ContributedFact>>>;
  /** Details for the 422 when a guard on these facts failed (e.g. which items are unanswered). */
  explain?(
    manager: EntityManager,
    ctx: FactsContext,
    guard: string,
  ): Promise<Record<string, unknown>>;
}

/**
 * Extension point for facts that live in other modules. Until the consultation module registers
 * its contributor no feedback can exist, so every invited expert counts as not having given
 * feedback (the expert round cannot close early) and nothing is unanswered.
 */
@Injectable()
export class WorkflowFactsContributors {
  private readonly contributors: WorkflowFactsContributor[] = [];

  register(contributor: WorkflowFactsContributor): void {
    this.contributors.push(contributor);
  }

  /** The contributed facts an event reads, defaults first, then each relevant contributor. */
  async load(manager: EntityManager, ctx: FactsContext): Promise<Partial<FactsInput>> {
    const wanted = FACTS_READ_BY_EVENT[ctx.eventType] as readonly string[];
    const out: Partial<Pick<WorkflowFacts, ContributedFact>> = {};
    if (wanted.includes('invitedExpertsWithoutFeedback')) {
      out.invitedExpertsWithoutFeedback = ctx.invitedExpertIds.length;
    }
    if (wanted.includes('unansweredFeedbackCount')) out.unansweredFeedbackCount = 0;
    for (const c of this.contributors) {
      if (!c.facts.some((f) => wanted.includes(f))) continue;
      const part = await c.load(manager, ctx);
      for (const f of c.facts) {
        if (wanted.includes(f) && part[f] !== undefined) out[f] = part[f];
      }
    }
    return out;
  }

  /** What the contributors can say about a failed guard, merged (later registrations win). */
  async explain(
    manager: EntityManager,
    ctx: FactsContext,
    guard: string,
  ): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const c of this.contributors) {
      if (c.explain) Object.assign(out, await c.explain(manager, ctx, guard));
    }
    return out;
  }
}
