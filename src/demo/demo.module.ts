import { Module } from '@nestjs/common';
import { RegisterModule } from '../register/register.module';
import { WorkflowModule } from '../workflow/workflow.module';
import { DemoWorkflowSeeder } from './demo-workflow.seeder';

/** Demo data that needs several features (DEMO_DATA): kept out of the feature modules. */
@Module({
  imports: [RegisterModule, WorkflowModule],
  providers: [DemoWorkflowSeeder],
})
export class DemoModule {}
