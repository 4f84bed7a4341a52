import { Module } from '@nestjs/common';
import { RegisterModule } from '../register/register.module';
import { CostingDetailExtension } from './costing-detail.extension';
import { CostingFacts } from './costing-facts';
import { COSTING_CONFIG, loadCostingConfig } from './costing.config';
import { CostEstimatesService } from './estimates/cost-estimates.service';
import { EstimateHooks } from './estimates/estimate-hooks';
import { EstimateWriter } from './estimates/estimate-writer';
import { RegulationCostsController } from './estimates/regulation-costs.controller';
import { CostParameterSetsController } from './parameter-sets/cost-parameter-sets.controller';
import { CostParameterSetsService } from './parameter-sets/cost-parameter-sets.service';
import { PlanHooks } from './plan/plan-hooks';
import { PlanService } from './plan/plan.service';
import { RecalculationJob } from './recalculation/recalculation.job';
import { CostingReader } from './shared/costing-reader';
import { EstimateHistoryRepository } from './persistence/estimate-history.repository';
import { EstimateRepository } from './persistence/estimate.repository';
import { PlanRepository } from './persistence/plan.repository';
import { ParameterSetRepository } from './persistence/parameter-set.repository';

/**
 * Compliance costs by the Standard Cost Model (domain.md §4): parameter sets, baseline and
 * proposed estimates with history, the plan, savings, and recalculation after a parameter edit.
 * Other features use EstimateWriter (the one write path), EstimateHooks / PlanHooks (aggregates
 * in the same transaction), CostingFacts (workflow guards) and CostingReader.
 */
@Module({
  imports: [RegisterModule],
  controllers: [CostParameterSetsController, RegulationCostsController],
  providers: [
    { provide: COSTING_CONFIG, useFactory: () => loadCostingConfig() },
    CostParameterSetsService,
    CostEstimatesService,
    EstimateWriter,
    EstimateHooks,
    PlanHooks,
    PlanService,
    RecalculationJob,
    CostingReader,
    PlanRepository,
    ParameterSetRepository,
    EstimateHistoryRepository,
    EstimateRepository,
    CostingFacts,
    CostingDetailExtension,
  ],
  exports: [
    EstimateWriter,
    EstimateHooks,
    PlanHooks,
    CostingFacts,
    CostingReader,
    COSTING_CONFIG,
    // The demo data walks regulations through the same services as the API.
    CostEstimatesService,
    PlanService,
  ],
})
export class CostingModule {}
