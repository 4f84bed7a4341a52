import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessPolicy } from '../../access/access-policy';
import { requireAccess } from '../../access/require-access';
import { Clock } from '../../common/clock';
import { ProblemException } from '../../common/problem';
import { CostingReader } from '../../costing/shared/costing-reader';
import { CostSummary } from '../../costing/shared/summary';
import { Principal } from '../../identity/domain/principal';
import {
  accessFacts,
  RegulationRepository,
} from '../../register/persistence/regulation.repository';
import type { ConsultationRoundView } from '../domain/rounds';
import { ConsultationRoundsService } from '../rounds/consultation-rounds.service';
import { totalEffect } from '../domain/cost-effect';
import { FeedbackRepository, FeedbackView } from '../persistence/feedback.repository';
import { ResponseRepository } from '../persistence/response.repository';
import { msg } from '../../common/i18n/catalogue';

export interface ConsultationReport {
  /** The round asked for; the report covers its whole consultation (both rounds of the cycle). */
  consultationId: string;
  regulation: {
    id: string;
    title: string;
    provision: string;
    agencyId: string;
    agencyName: string;
    stateName: string;
  };
  cycle: number;
  rounds: Array<ConsultationRoundView & { items: number }>;
  /** When the cycle was submitted to the Government Office (answers published), else null. */
  publishedAt: string | null;
  generatedAt: string;
  summary: {
    items: number;
    /** Of which comments of self-registered commenters (góp ý công khai). */
    publicComments: number;
    /** Public comments hidden by moderation (listed with their reason; they need no answer). */
    hidden: number;
    answered: number;
    /** Items still to answer before the submission (hidden ones excluded). */
    unanswered: number;
    accepted: number;
    partiallyAccepted: number;
    rejected: number;
    withEvidence: number;
    withAttachments: number;
    /** Answers that re-estimated a cost field. */
    reEstimates: number;
  };
  /** The re-estimates' combined effect on the savings, from before the first to after the last. */
  costEffect: {
    savingsBefore: string | null;
    savingsAfter: string | null;
    savingsChange: string | null;
  };
  /** The regulation's figures now. */
  currentCosts: CostSummary;
  /** The estimates' activity names by index, so `activities[0].hours` reads as the activity's name. */
  activityNames: { baseline: string[]; proposed: string[] };
  items: FeedbackView[];
}

/** Báo cáo tổng hợp ý kiến tham vấn: who said what, every answer, the cost effect of accepted items. */
@Injectable()
export class ReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly rounds: ConsultationRoundsService,
    private readonly regulations: RegulationRepository,
    private readonly repository: FeedbackRepository,
    private readonly costing: CostingReader,
    private readonly responses: ResponseRepository,
  ) {}

  /** For the owning agency, the Government Office and admins (403 for others who see the round). */
  async build(p: Principal, roundId: string): Promise<ConsultationReport> {
    const round = await this.rounds.find(roundId);
    const regulation = round && (await this.regulations.find(round.regulationId));
    if (!round || !regulation) {
      throw new ProblemException(404, 'not-found', msg('consultation.noSuchRound'));
    }
    requireAccess(
      AccessPolicy.readRegulationInternals(p, accessFacts(regulation)),
      'consultation round',
    );
    // One consistent reading of rounds, items, answers and costs.
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const roundViews = await this.rounds.ofCycle(regulation.id, round.cycle, m);
      const rows = await this.repository.ofCycle(m, regulation.id, round.cycle);
      const items = await this.repository.views(m, rows);
      const writes = await this.responses.estimateWritesOfCycle(m, regulation.id, round.cycle);
      const agencyName = await this.responses.agencyName(m, regulation.agencyId);
      const costs = await this.costing.snapshot(regulation.id, m);
      const answers = items.map((i) => i.answer).filter((a) => a !== null);
      const count = (d: string) => answers.filter((a) => a!.disposition === d).length;
      const published = rows.find((r) => r.published_at !== null)?.published_at ?? null;
      return {
        consultationId: roundId,
        regulation: {
          id: regulation.id,
          title: regulation.title,
          provision: regulation.provision,
          agencyId: regulation.agencyId,
          agencyName: agencyName ?? '',
          stateName: regulation.stateName,
        },
        cycle: round.cycle,
        rounds: roundViews.map((r) => ({
          ...r,
          items: items.filter((i) => i.consultationId === r.id).length,
        })),
        publishedAt: published ? new Date(published).toISOString() : null,
        generatedAt: this.clock.now().toISOString(),
        activityNames: {
          baseline: costs.baseline?.inputs.activities.map((a) => a.name) ?? [],
          proposed: costs.proposed?.inputs.activities.map((a) => a.name) ?? [],
        },
        summary: {
          items: items.length,
          publicComments: items.filter((i) => i.origin === 'public').length,
          hidden: items.filter((i) => i.hidden !== null).length,
          answered: answers.length,
          unanswered: items.filter((i) => i.answer === null && i.hidden === null).length,
          accepted: count('accepted'),
          partiallyAccepted: count('partially_accepted'),
          rejected: count('rejected'),
          withEvidence: items.filter((i) => i.evidence !== null).length,
          withAttachments: items.filter((i) => i.attachments.length > 0).length,
          reEstimates: answers.filter((a) => a!.costEffect !== null).length,
        },
        costEffect: totalEffect(writes),
        currentCosts: costs.summary,
        items,
      };
    });
  }
}
