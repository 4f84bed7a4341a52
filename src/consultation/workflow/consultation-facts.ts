import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { FactsContext, WorkflowFactsContributors } from '../../workflow/workflow-facts';

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
  constructor(contributors: WorkflowFactsContributors) {
    // Registered at construction, before any onModuleInit: a contributor registered later (a
    // test's stand-in) still overrides these facts, as the registry's "later wins" rule intends.
    contributors.register({
      facts: ['invitedExpertsWithoutFeedback', 'unansweredFeedbackCount'],
      load: (manager, ctx) => this.load(manager, ctx),
      explain: (manager, ctx, guard) => this.explain(manager, ctx, guard),
    });
  }

  async load(manager: EntityManager, ctx: FactsContext) {
    const [row] = await manager.query(
      `SELECT
         (SELECT count(*)::int FROM (SELECT DISTINCT lower(e) AS id FROM unnest($3::text[]) e) invited
           WHERE NOT EXISTS (
             SELECT 1 FROM consultation_feedback f
              WHERE f.regulation_id = $1 AND f.cycle = $2 AND f.round = 'expert'
                AND f.author_id::text = invited.id)) AS experts_without_feedback,
         (SELECT count(*)::int FROM consultation_feedback f
           WHERE f.regulation_id = $1 AND f.cycle = $2 AND f.hidden_at IS NULL
             AND NOT EXISTS (SELECT 1 FROM feedback_response r WHERE r.feedback_id = f.id)) AS unanswered`,
      [ctx.regulationId, ctx.cycle, ctx.invitedExpertIds],
    );
    return {
      invitedExpertsWithoutFeedback: Number(row.experts_without_feedback),
      unansweredFeedbackCount: Number(row.unanswered),
    };
  }

  /** The records behind a failed feedback guard, for the 422. */
  async explain(
    manager: EntityManager,
    ctx: FactsContext,
    guard: string,
  ): Promise<Record<string, unknown>> {
    if (guard === 'allFeedbackAnswered') {
      const rows: Array<{ id: string }> = await manager.query(
        `SELECT f.id FROM consultation_feedback f
          WHERE f.regulation_id = $1 AND f.cycle = $2 AND f.hidden_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM feedback_response r WHERE r.feedback_id = f.id)
          ORDER BY f.created_at, f.id`,
        [ctx.regulationId, ctx.cycle],
      );
      return { unansweredFeedbackIds: rows.map((r) => r.id) };
    }
    if (guard === 'allExpertsGaveFeedback') {
      const rows: Array<{ id: string }> = await manager.query(
        `SELECT DISTINCT lower(e) AS id FROM unnest($3::text[]) e
          WHERE NOT EXISTS (SELECT 1 FROM consultation_feedback f
                             WHERE f.regulation_id = $1 AND f.cycle = $2 AND f.round = 'expert' AND f.author_id::text = lower(e))
          ORDER BY 1`,
        [ctx.regulationId, ctx.cycle, ctx.invitedExpertIds],
      );
      return { expertsWithoutFeedback: rows.map((r) => r.id) };
    }
    return {};
  }
}
