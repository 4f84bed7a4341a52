import { Module } from '@nestjs/common';
import { CostingModule } from '../costing/costing.module';
import { RegisterModule } from '../register/register.module';
import { WorkflowModule } from '../workflow/workflow.module';
import { DemoConsultationSeeder } from './demo-consultation.seeder';
import { DemoWorkflowSeeder } from './demo-workflow.seeder';

/** Demo data that needs several features (DEMO_DATA): kept out of the feature modules. */
@Module({
  imports: [RegisterModule, CostingModule, WorkflowModule],
  providers: [DemoWorkflowSeeder, DemoConsultationSeeder],
})
export class DemoModule {}
