import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { FactsContext, WorkflowFactsContributors } from '../../workflow/workflow-facts';
import { FeedbackRepository } from '../persistence/feedback.repository';

/**
 * The feedback facts of the workflow's guards, read in the transition's transaction after it
 * locked the regulation (feedback writers lock it FOR SHARE, so none can slip in between):
 * - `invitedExpertsWithoutFeedback`: invited experts of the current cycle's expert round who have
 *   given no feedback in it (CLOSE_EXPERT_ROUND may close the round early only at 0);
 * - `unansweredFeedbackCount`: items of the current cycle's rounds without an answer, public
 *   comments included, hidden (moderated) ones not (SUBMIT_TO_GOVERNMENT_OFFICE needs 0;
 *   GET /regulations/:id/feedback?unanswered=true lists them).
 */
@Injectable()
export class ConsultationFacts {
  constructor(
    contributors: WorkflowFactsContributors,
    private readonly feedback: FeedbackRepository,
  ) {
    // Registered at construction, before any onModuleInit: a contributor registered later (a
    // test's stand-in) still overrides these facts, as the registry's "later wins" rule intends.
    contributors.register({
      facts: ['invitedExpertsWithoutFeedback', 'unansweredFeedbackCount'],
      load: (manager, ctx) => this.load(manager, ctx),
      explain: (manager, ctx, guard) => this.explain(manager, ctx, guard),
    });
  }

  async load(manager: EntityManager, ctx: FactsContext) {
    const counts = await this.feedback.guardCounts(
      manager,
      ctx.regulationId,
      ctx.cycle,
      ctx.invitedExpertIds,
    );
    return {
      invitedExpertsWithoutFeedback: counts.expertsWithoutFeedback,
      unansweredFeedbackCount: counts.unanswered,
    };
  }

  /** The records behind a failed feedback guard, for the 422. */
  async explain(
    manager: EntityManager,
    ctx: FactsContext,
    guard: string,
  ): Promise<Record<string, unknown>> {
    if (guard === 'allFeedbackAnswered') {
      return {
        unansweredFeedbackIds: await this.feedback.unansweredIdsOfCycle(
          manager,
          ctx.regulationId,
          ctx.cycle,
        ),
      };
    }
    if (guard === 'allExpertsGaveFeedback') {
      return {
        expertsWithoutFeedback: await this.feedback.expertsWithoutFeedback(
          manager,
          ctx.regulationId,
          ctx.cycle,
          ctx.invitedExpertIds,
        ),
      };
    }
    return {};
  }
}
