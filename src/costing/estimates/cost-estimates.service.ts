import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessPolicy } from '../../access/access-policy';
import { requireAccess } from '../../access/require-access';
import { decodeCursor, DEFAULT_LIMIT, MAX_LIMIT, Page, toPage } from '../../common/pagination';
import { ProblemException } from '../../common/problem';
import { TransactionRunner } from '../../database/transaction-runner';
import { Principal } from '../../identity/domain/principal';
import { RegulationEntity } from '../../register/persistence/regulation.entity';
import {
  accessFacts,
  RegulationRepository,
} from '../../register/persistence/regulation.repository';
import { CostingReader } from '../shared/costing-reader';
import { assertVersion, assertWritableState, EstimateKind } from '../shared/costing-rules';
import { StoredInputs, StoredResults } from '../shared/rows';
import { EstimateHistoryQuery, PutEstimateDto } from './estimate.dto';
import { estimateView, EstimateView } from './estimate.view';
import { EstimateWriter } from './estimate-writer';
import { EstimateHistoryRepository } from '../persistence/estimate-history.repository';
import { msg } from '../../common/i18n/catalogue';

export interface EstimateHistoryItem {
  id: string;
  estimateId: string;
  kind: EstimateKind;
  version: number;
  source: string;
  reason: string | null;
  feedbackId: string | null;
  changedBy: string | null;
  changedByName: string | null;
  changedAt: string;
  parameterSetId: string;
  parameterSetYear: number | null;
  hourlyRate: string | null;
  unitCost: string | null;
  annualCost: string;
  annualCostLow: string | null;
  annualCostHigh: string | null;
  inputs: StoredInputs;
}

@Injectable()
export class CostEstimatesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly regulations: RegulationRepository,
    private readonly writer: EstimateWriter,
    private readonly reader: CostingReader,
    private readonly versions: EstimateHistoryRepository,
  ) {}

  /** PUT: replaces the estimate of `kind`, keeping the previous version in its history. */
  put(
    p: Principal,
    regulationId: string,
    kind: EstimateKind,
    dto: PutEstimateDto,
    ifMatch: number | undefined,
  ): Promise<EstimateView> {
    const { parameterSetId, reason, ...input } = dto;
    return this.transactions.run(async (tx) => {
      const { after } = await this.writer.write(tx, {
        regulationId,
        kind,
        parameterSetId,
        input,
        source: 'manual',
        reason: reason ?? null,
        changedBy: p.userId,
        precondition: ({ regulation, current }) => {
          requireAccess(AccessPolicy.writeRegulation(p, accessFacts(regulation)), 'regulation');
          assertWritableState(kind, regulation.stateName);
          assertVersion(ifMatch, current?.version ?? null, `${kind} estimate`);
        },
      });
      return estimateView(after);
    });
  }

  /** The current baseline and proposed estimates with savings and reduction (domain.md §4). */
  async overview(p: Principal | undefined, regulationId: string) {
    await this.readable(p, regulationId);
    const s = await this.reader.snapshot(regulationId);
    return {
      regulationId,
      baseline: s.baseline && estimateView(s.baseline),
      proposed: s.proposed && estimateView(s.proposed),
      plan: s.plan,
      ...s.summary,
    };
  }

  /** Every version of the regulation's estimates, oldest first, with who, when, why and source. */
  async history(
    p: Principal | undefined,
    regulationId: string,
    q: EstimateHistoryQuery,
  ): Promise<Page<EstimateHistoryItem>> {
    await this.readable(p, regulationId);
    const limit = Math.min(q.limit ?? DEFAULT_LIMIT, MAX_LIMIT);
    const after = decodeCursor(q.cursor, 1);
    const rows = await this.versions.page({
      regulationId,
      kind: q.kind,
      afterId: after ? String(after[0]) : undefined,
      limit: limit + 1,
    });
    return toPage(rows, limit, historyItem, (r) => [String(r.id)]);
  }

  private async readable(p: Principal | undefined, id: string): Promise<RegulationEntity> {
    const regulation = await this.regulations.find(id);
    if (!regulation) throw new ProblemException(404, 'not-found', msg('regulation.noSuch'));
    requireAccess(AccessPolicy.readPlanAndCosts(p, accessFacts(regulation)), 'regulation');
    return regulation;
  }
}

function historyItem(r: Record<string, any>): EstimateHistoryItem {
  const results = (r.results ?? {}) as Partial<StoredResults>;
  return {
    id: String(r.id),
    estimateId: r.estimate_id,
    kind: r.kind,
    version: Number(r.version),
    source: r.source,
    reason: r.reason ?? null,
    feedbackId: r.feedback_id ?? null,
    changedBy: r.changed_by ?? null,
    changedByName: r.changed_by_name ?? null,
    changedAt: new Date(r.changed_at).toISOString(),
    parameterSetId: r.parameter_set_id,
    parameterSetYear: results.parameterSetYear ?? null,
    hourlyRate: results.hourlyRate ?? null,
    unitCost: results.unitCost ?? null,
    annualCost: results.annualCost ?? String(r.annual_cost),
    annualCostLow: results.annualCostLow ?? null,
    annualCostHigh: results.annualCostHigh ?? null,
    inputs: r.inputs,
  };
}
