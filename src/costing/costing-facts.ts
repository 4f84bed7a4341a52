import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EstimateRepository } from './persistence/estimate.repository';
import { PlanAction } from './shared/costing-rules';

/** What the workflow's guards need to know about a regulation's costs and plan (domain.md §5). */
export interface CostingFactsView {
  /** A baseline estimate exists; every stored estimate passed the domain's full validation. */
  baselineComplete: boolean;
  proposedExists: boolean;
  plan: {
    action: PlanAction;
    programmeId: string;
    programmeCode: string;
    /** The programme's end date (YYYY-MM-DD). */
    programmeEndDate: string;
    minConsultationDays: number;
  } | null;
}

/**
 * A small read service for other features (the workflow reads these facts for CONFIRM_BASELINE
 * and OPEN_CONSULTATION). Pass the transaction's manager that locked the regulation, so the facts
 * cannot change before the transition is written.
 */
@Injectable()
export class CostingFacts {
  constructor(private readonly estimates: EstimateRepository) {}

  async forRegulation(manager: EntityManager, regulationId: string): Promise<CostingFactsView> {
    const r = await this.estimates.facts(manager, regulationId);
    return {
      baselineComplete: r.baseline === true,
      proposedExists: r.proposed === true,
      plan: r.action
        ? {
            action: r.action,
            programmeId: r.programme_id,
            programmeCode: r.programme_code,
            programmeEndDate: r.programme_end_date,
            minConsultationDays: Number(r.min_consultation_days),
          }
        : null,
    };
  }
}
