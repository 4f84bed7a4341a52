import { Module } from '@nestjs/common';
import { CostingModule } from '../costing/costing.module';
import { RegisterModule } from '../register/register.module';
import { WorkflowModule } from '../workflow/workflow.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { AttachmentsController } from './attachments/attachments.controller';
import { AttachmentsService } from './attachments/attachments.service';
import { EvidenceDetailExtension } from './evidence/evidence-detail.extension';
import { FeedbackController } from './feedback/feedback.controller';
import { FeedbackService } from './feedback/feedback.service';
import { FeedbackTasksReader } from './feedback/feedback-tasks.reader';
import { ConsultationOutbox } from './persistence/consultation-outbox';
import { FeedbackRepository } from './persistence/feedback.repository';
import { ResponseRepository } from './persistence/response.repository';
import { ReportController } from './report/report.controller';
import { ReportService } from './report/report.service';
import { ResponsesService } from './responses/responses.service';
import { ConsultationRoundRepository } from './persistence/consultation-round.repository';
import { ConsultationRoundsService } from './rounds/consultation-rounds.service';
import { ConsultationsController } from './rounds/consultations.controller';
import { RoundsReader } from './rounds/rounds.reader';
import { RoundsTransitions } from './rounds/rounds-transitions';
import { ConsultationFacts } from './workflow/consultation-facts';
import {
  ConsultationTransitions,
  RoundClosingSoonTimer,
} from './workflow/consultation-transitions';

/**
 * Consultation (domain.md §6): its rounds, opened and closed by a transition hook as the
 * statechart's regions open and close, and listed by `GET /consultations`; feedback items with targets,
 * evidence and attachments; the owning agency's answers with re-estimates through the
 * EstimateWriter; the guard facts of CLOSE_EXPERT_ROUND and SUBMIT_TO_GOVERNMENT_OFFICE; the
 * evidence summary of the regulation view; the report; outbox events and the 3-day reminder.
 */
@Module({
  imports: [RegisterModule, CostingModule, WorkflowModule, IdempotencyModule],
  controllers: [
    ConsultationsController,
    FeedbackController,
    AttachmentsController,
    ReportController,
  ],
  providers: [
    ConsultationRoundRepository,
    ConsultationRoundsService,
    RoundsReader,
    RoundsTransitions,
    FeedbackRepository,
    ResponseRepository,
    ConsultationOutbox,
    FeedbackService,
    FeedbackTasksReader,
    ResponsesService,
    AttachmentsService,
    ReportService,
    ConsultationFacts,
    ConsultationTransitions,
    RoundClosingSoonTimer,
    EvidenceDetailExtension,
  ],
  exports: [FeedbackService, ConsultationOutbox, FeedbackTasksReader, RoundsReader],
})
export class ConsultationModule {}
