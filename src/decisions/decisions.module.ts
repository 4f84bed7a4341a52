import { Module } from '@nestjs/common';
import { RegisterModule } from '../register/register.module';
import { WorkflowModule } from '../workflow/workflow.module';
import { DecisionsController } from './decisions.controller';
import { DecisionsService } from './decisions.service';

/**
 * The Prime Minister's decisions on simplification plans (domain.md §5): recorded over many
 * regulations at once through the workflow, or one at a time by the RECORD_DECISION hook.
 */
@Module({
  imports: [RegisterModule, WorkflowModule],
  controllers: [DecisionsController],
  providers: [DecisionsService],
  exports: [DecisionsService],
})
export class DecisionsModule {}
