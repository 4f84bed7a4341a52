import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { PLAN_SELECT, PlanView, toPlanView } from '../plan/plan.view';
import { StoredEstimate, toStoredEstimate } from './rows';
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
  constructor(private readonly dataSource: DataSource) {}

  /** Without a manager, reads in its own REPEATABLE READ transaction (estimates and plan agree). */
  async snapshot(regulationId: string, manager?: EntityManager): Promise<CostingSnapshot> {
    if (!manager) {
      return this.dataSource.transaction('REPEATABLE READ', (m) => this.snapshot(regulationId, m));
    }
    const rows = (
      await manager.query(`SELECT * FROM cost_estimate WHERE regulation_id = $1`, [regulationId])
    ).map(toStoredEstimate) as StoredEstimate[];
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
    const rows: Array<Record<string, any>> = await manager.query(
      `${PLAN_SELECT} WHERE p.regulation_id = ANY ($1::uuid[])`,
      [[...new Set(regulationIds)]],
    );
    return new Map(rows.map((r) => [r.regulation_id as string, toPlanView(r)]));
  }

  async plan(
    regulationId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PlanView | null> {
    const rows = await manager.query(`${PLAN_SELECT} WHERE p.regulation_id = $1`, [regulationId]);
    return rows.length ? toPlanView(rows[0]) : null;
  }
}
