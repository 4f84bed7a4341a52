import { Module } from '@nestjs/common';
import { CostingModule } from '../costing/costing.module';
import { DecisionsModule } from '../decisions/decisions.module';
import { RegisterModule } from '../register/register.module';
import { WorkflowModule } from '../workflow/workflow.module';
import { LedgerAdminController } from './ledger/ledger-admin.controller';
import { LedgerService } from './ledger/ledger.service';
import { ProgressController } from './progress/progress.controller';
import { LedgerRepository } from './persistence/ledger.repository';
import { ProgressRepository } from './persistence/progress.repository';
import { ProgressService } from './progress/progress.service';

/**
 * The targets ledger (domain.md §7): aggregates kept in the transaction of every transition,
 * estimate and plan change (LedgerService on the workflow's and the costing module's hooks, and
 * database triggers for the register's writes), read as the progress report, its drill-downs,
 * its workbook and the overdue list; an admin check against a from-scratch recomputation.
 */
@Module({
  // The decisions module comes in with the reports: one entry in AppModule for issue 8.
  imports: [RegisterModule, CostingModule, WorkflowModule, DecisionsModule],
  controllers: [ProgressController, LedgerAdminController],
  providers: [LedgerService, LedgerRepository, ProgressService, ProgressRepository],
  exports: [LedgerService, ProgressService],
})
export class ReportingModule {}
