import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { EstimateRepository } from '../persistence/estimate.repository';
import { PlanRepository } from '../persistence/plan.repository';
import { PlanView, toPlanView } from '../plan/plan.view';
import { StoredEstimate, StoredInputs, toStoredEstimate } from './rows';
import { CostSummary, summarizeCosts } from './summary';

export interface CostingSnapshot {
  baseline: StoredEstimate | null;
  proposed: StoredEstimate | null;
  plan: PlanView | null;
  summary: CostSummary;
}

/** Reads a regulation's estimates and plan together, as one consistent snapshot. */
@Injectable()
export class CostingReader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly estimates: EstimateRepository,
    private readonly planRows: PlanRepository,
  ) {}

  /** Without a manager, reads in its own REPEATABLE READ transaction (estimates and plan agree). */
  async snapshot(regulationId: string, manager?: EntityManager): Promise<CostingSnapshot> {
    if (!manager) {
      return this.dataSource.transaction('REPEATABLE READ', (m) => this.snapshot(regulationId, m));
    }
    const rows = (await this.estimates.ofRegulation(manager, regulationId)).map(toStoredEstimate);
    const baseline = rows.find((r) => r.kind === 'baseline') ?? null;
    const proposed = rows.find((r) => r.kind === 'proposed') ?? null;
    const plan = await this.plan(regulationId, manager);
    return {
      baseline,
      proposed,
      plan,
      summary: summarizeCosts(baseline, proposed, plan?.action ?? null),
    };
  }

  /** The plans of many regulations at once (a list page), by regulation id. */
  async plans(
    regulationIds: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, PlanView>> {
    if (regulationIds.length === 0) return new Map();
    const rows = await this.planRows.ofRegulations(manager, regulationIds);
    return new Map(rows.map((r) => [r.regulation_id as string, toPlanView(r)]));
  }

  async plan(
    regulationId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PlanView | null> {
    const row = await this.planRows.find(manager, regulationId);
    return row ? toPlanView(row) : null;
  }

  /** Only the kind and inputs of a regulation's estimates (no snapshot transaction). */
  estimateInputs(regulationId: string): Promise<Array<{ kind: string; inputs: StoredInputs }>> {
    return this.estimates.inputsOf(regulationId) as Promise<
      Array<{ kind: string; inputs: StoredInputs }>
    >;
  }
}
