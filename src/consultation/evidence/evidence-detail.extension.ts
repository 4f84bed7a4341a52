import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessPolicy } from '../../access/access-policy';
import { CostingReader } from '../../costing/shared/costing-reader';
import { accessFacts } from '../../register/persistence/regulation.repository';
import {
  RegulationDetailContext,
  RegulationDetailExtensions,
} from '../../register/regulation-detail.extensions';
import { EvidenceSummary, summarizeEvidence } from '../domain/evidence-summary';
import { FeedbackRepository } from '../persistence/feedback.repository';
import { cycleOf } from '../persistence/regulation-lock';

export interface ConsultationEvidenceSummary {
  /** The consultation cycle summarised (the latest). */
  cycle: number;
  items: number;
  associationItems: number;
  expertItems: number;
  answered: number;
  unanswered: number;
  /** Association items that carry structured evidence. */
  associationItemsWithEvidence: number;
  /**
   * The associations' evidence next to the ministry's baseline and proposed estimates. Those who
   * do not see unpublished feedback get aggregates over published items only, unless at least
   * MIN_PUBLIC_AGGREGATE items carry evidence (one item's "aggregate" would be its own figures).
   */
  associationEvidence: EvidenceSummary;
  /** Which association items `associationEvidence` covers. */
  associationEvidenceOver: 'all' | 'published';
}

export const MIN_PUBLIC_AGGREGATE = 3;

/**
 * Adds `evidenceSummary` to GET /regulations/:id, visible like the plan and the estimates (the
 * owning agency and the Government Office; everyone once the consultation opened). Only counts and
 * aggregates: the items themselves stay with their author and the agency until published.
 */
@Injectable()
export class EvidenceDetailExtension implements OnModuleInit {
  constructor(
    private readonly extensions: RegulationDetailExtensions,
    private readonly dataSource: DataSource,
    private readonly feedback: FeedbackRepository,
    private readonly costing: CostingReader,
  ) {}

  onModuleInit(): void {
    this.extensions.register((ctx) => this.fields(ctx));
  }

  async fields({ regulation, principal }: RegulationDetailContext) {
    const cycle = cycleOf(regulation);
    if (cycle === 0 || !AccessPolicy.readPlanAndCosts(principal, accessFacts(regulation)).allowed) {
      return { evidenceSummary: null };
    }
    // Whoever reads unpublished items (the owning agency, the Government Office) sees it all.
    const seesUnpublished = AccessPolicy.readFeedback(principal, accessFacts(regulation), {
      authorId: '',
      published: false,
    }).allowed;
    return { evidenceSummary: await this.summary(regulation.id, cycle, seesUnpublished) };
  }

  async summary(
    regulationId: string,
    cycle: number,
    seesUnpublished = true,
  ): Promise<ConsultationEvidenceSummary> {
    const rows = await this.feedback.evidenceOfCycle(this.dataSource.manager, regulationId, cycle);
    const estimates = await this.costing.estimateInputs(regulationId);
    const inputsOf = (kind: string) => estimates.find((e) => e.kind === kind)?.inputs ?? null;
    const associations = rows.filter((r) => r.round === 'association');
    const answered = rows.filter((r) => r.answered).length;
    const withEvidence = associations.filter((r) => r.has_evidence).length;
    const over =
      seesUnpublished || withEvidence >= MIN_PUBLIC_AGGREGATE ? 'all' : ('published' as const);
    const summarised = over === 'all' ? associations : associations.filter((r) => r.published);
    return {
      cycle,
      items: rows.length,
      associationItems: associations.length,
      expertItems: rows.length - associations.length,
      answered,
      unanswered: rows.length - answered,
      associationItemsWithEvidence: withEvidence,
      associationEvidenceOver: over,
      associationEvidence: summarizeEvidence(
        summarised,
        inputsOf('baseline'),
        inputsOf('proposed'),
      ),
    };
  }
}
