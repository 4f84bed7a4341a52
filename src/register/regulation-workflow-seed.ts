import { Injectable } from '@nestjs/common';

/** The workflow state a newly filed regulation starts in, as its row stores it. */
export interface InitialWorkflow {
  /** The persisted machine snapshot (`regulation.workflow_snapshot`). */
  snapshot: object;
  /** The state value (`regulation.state`): "draft". */
  state: unknown;
  stateName: string;
  machineVersion: number;
}

export type InitialWorkflowSource = (atIso: string) => InitialWorkflow;

/**
 * Where new regulations (filed, imported, seeded) get their initial workflow snapshot, so that
 * the register need not import the workflow: the workflow module provides the source when it is
 * constructed, before any request, job or seeder runs.
 */
@Injectable()
export class RegulationWorkflowSeed {
  private source: InitialWorkflowSource | null = null;

  provide(source: InitialWorkflowSource): void {
    this.source = source;
  }

  /** The initial workflow of a regulation filed at `atIso` (UTC ISO instant). */
  initial(atIso: string): InitialWorkflow {
    if (!this.source) {
      throw new Error('no module provides the initial workflow of a regulation (WorkflowModule)');
    }
    return this.source(atIso);
  }
}
