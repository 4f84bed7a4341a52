import { Injectable, OnModuleInit } from '@nestjs/common';
import { AccessPolicy } from '../access/access-policy';
import { accessFacts } from '../register/persistence/regulation.repository';
import {
  RegulationDetailContext,
  RegulationDetailExtensions,
} from '../register/regulation-detail.extensions';
import { CostingReader } from './shared/costing-reader';

/**
 * Adds `baselineCost`, `proposedCost`, `savings`, `reductionPct` and `plan` to GET
 * /regulations/:id; all null for callers who may not see the plan and costs yet.
 */
@Injectable()
export class CostingDetailExtension implements OnModuleInit {
  constructor(
    private readonly extensions: RegulationDetailExtensions,
    private readonly reader: CostingReader,
  ) {}

  onModuleInit(): void {
    this.extensions.register((ctx) => this.fields(ctx));
  }

  async fields({ regulation, principal }: RegulationDetailContext) {
    if (!AccessPolicy.readPlanAndCosts(principal, accessFacts(regulation)).allowed) {
      return {
        baselineCost: null,
        proposedCost: null,
        savings: null,
        reductionPct: null,
        plan: null,
      };
    }
    const s = await this.reader.snapshot(regulation.id);
    return { ...s.summary, plan: s.plan };
  }
}
