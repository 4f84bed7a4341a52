import { Module } from '@nestjs/common';
import { CostingModule } from '../costing/costing.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { RegisterModule } from '../register/register.module';
import { ConsultationRoundsService } from './consultation/consultation-rounds.service';
import { RoundsReader } from './consultation/rounds.reader';
import { WorkflowHistoryService } from './history/workflow-history.service';
import { ConsultationsController } from './http/consultations.controller';
import { WorkflowController } from './http/workflow.controller';
import { ConsultationRoundRepository } from './persistence/consultation-round.repository';
import { WorkflowHistoryRepository } from './persistence/workflow-history.repository';
import { WorkflowRepository } from './persistence/workflow.repository';
import { TransitionHooks } from './transition-hooks';
import { WorkflowDefinitionService } from './workflow-definition.service';
import { WorkflowDetailExtension } from './workflow-detail.extension';
import { WorkflowFactsContributors } from './workflow-facts';
import { WORKFLOW_TIMER_HANDLERS } from './workflow-timers';
import { WorkflowService } from './workflow.service';

/**
 * The regulation workflow (domain.md §5) on the database: transitions, history, durable
 * deadlines, consultation rounds (Idempotency-Key records are IdempotencyModule's). Other modules hook in through TransitionHooks
 * (in-transaction work), WorkflowFactsContributors (guard facts they own) and
 * ConsultationRoundsService (the rounds feedback belongs to).
 */
@Module({
  imports: [RegisterModule, CostingModule, IdempotencyModule],
  controllers: [WorkflowController, ConsultationsController],
  providers: [
    WorkflowService,
    WorkflowRepository,
    WorkflowHistoryRepository,
    ConsultationRoundRepository,
    WorkflowHistoryService,
    WorkflowDefinitionService,
    WorkflowFactsContributors,
    TransitionHooks,
    ConsultationRoundsService,
    RoundsReader,
    WorkflowDetailExtension,
    ...WORKFLOW_TIMER_HANDLERS,
  ],
  exports: [
    WorkflowService,
    TransitionHooks,
    WorkflowFactsContributors,
    ConsultationRoundsService,
    RoundsReader,
    WorkflowHistoryService,
  ],
})
export class WorkflowModule {}
