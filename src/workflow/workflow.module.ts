import { Module } from '@nestjs/common';
import { CostingModule } from '../costing/costing.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { RegisterModule } from '../register/register.module';
import { WorkflowHistoryService } from './history/workflow-history.service';
import { WorkflowController } from './http/workflow.controller';
import { WorkflowHistoryRepository } from './persistence/workflow-history.repository';
import { WorkflowRepository } from './persistence/workflow.repository';
import { TransitionHooks } from './transition-hooks';
import { WorkflowDefinitionService } from './workflow-definition.service';
import { WorkflowDetailExtension } from './workflow-detail.extension';
import { WorkflowFactsContributors } from './workflow-facts';
import { WorkflowSeedProvider } from './workflow-seed';
import { WORKFLOW_TIMER_HANDLERS } from './workflow-timers';
import { WorkflowService } from './workflow.service';

/**
 * The regulation workflow (domain.md §5) on the database: transitions, history and durable
 * deadlines (Idempotency-Key records are IdempotencyModule's). Other modules hook in through
 * TransitionHooks (in-transaction work: the consultation opens and closes its rounds there) and
 * WorkflowFactsContributors (guard facts they own).
 */
@Module({
  imports: [RegisterModule, CostingModule, IdempotencyModule],
  controllers: [WorkflowController],
  providers: [
    WorkflowService,
    WorkflowRepository,
    WorkflowHistoryRepository,
    WorkflowHistoryService,
    WorkflowDefinitionService,
    WorkflowFactsContributors,
    TransitionHooks,
    WorkflowDetailExtension,
    WorkflowSeedProvider,
    ...WORKFLOW_TIMER_HANDLERS,
  ],
  exports: [WorkflowService, TransitionHooks, WorkflowFactsContributors, WorkflowHistoryService],
})
export class WorkflowModule {}
