import { Injectable, OnModuleInit } from '@nestjs/common';
import { RegulationDetailExtensions } from '../register/regulation-detail.extensions';
import { WorkflowService } from './workflow.service';

/** Adds `availableEvents` (what the caller may send now; [] for the public) to `GET /regulations/:id`. */
@Injectable()
export class WorkflowDetailExtension implements OnModuleInit {
  constructor(
    private readonly extensions: RegulationDetailExtensions,
    private readonly workflow: WorkflowService,
  ) {}

  onModuleInit() {
    this.extensions.register(async ({ regulation, principal }) => ({
      availableEvents: this.workflow.availableEventsFor(principal, regulation),
    }));
  }
}
