import { Module } from '@nestjs/common';
import { RegisterModule } from '../register/register.module';
import { WorkflowModule } from '../workflow/workflow.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { DecisionsController } from './decisions.controller';
import { DecisionsService } from './decisions.service';
import { AmendmentLink } from './implementation/amendment-link';
import { AmendmentsRepository } from './persistence/amendments.repository';
import { DecisionsRepository } from './persistence/decisions.repository';
import { RemindersRepository } from './persistence/reminders.repository';
import { RemindersController } from './reminders/reminders.controller';
import { RemindersService } from './reminders/reminders.service';

/**
 * The Prime Minister's decisions on simplification plans (domain.md §5): recorded over many
 * regulations at once through the workflow, or one at a time by the RECORD_DECISION hook; and
 * the Government Office's reminders (đôn đốc) while they are implemented.
 */
@Module({
  imports: [RegisterModule, WorkflowModule, IdempotencyModule],
  controllers: [DecisionsController, RemindersController],
  providers: [
    DecisionsService,
    DecisionsRepository,
    RemindersService,
    RemindersRepository,
    AmendmentLink,
    AmendmentsRepository,
  ],
  exports: [DecisionsService],
})
export class DecisionsModule {}
