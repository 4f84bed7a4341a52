import { Injectable } from '@nestjs/common';
import type { StateValue } from 'xstate';
import { AccessPolicy } from '../access/access-policy';
import { requireAccess } from '../access/require-access';
import { ProblemException } from '../common/problem';
import { Principal } from '../identity/domain/principal';
import {
  describeWorkflow,
  machineForVersion,
  stateOf,
  toMermaid,
  type PersistedWorkflowSnapshot,
  type RegulationEventType,
  type WorkflowDescription,
} from './domain';
import { WorkflowHistoryRepository } from './persistence/workflow-history.repository';
import { WorkflowService } from './workflow.service';
import { msg } from '../common/i18n/catalogue';

export interface WorkflowDefinitionView {
  machineId: string;
  machineVersion: number;
  /** The statechart as JSON, generated from the machine definition. */
  statechart: WorkflowDescription;
  /** The same as a Mermaid stateDiagram-v2. */
  mermaid: string;
  /** Where this regulation is, when the caller may see it. */
  current?: {
    state: StateValue;
    stateName: string;
    version: number;
    availableEvents: RegulationEventType[];
  };
}

/**
 * The statechart behind a regulation, for `GET /regulations/:id/workflow`: the definition of the
 * machine version its snapshot was stored with (old regulations keep their own definition).
 */
@Injectable()
export class WorkflowDefinitionService {
  private readonly cache = new Map<number, Omit<WorkflowDefinitionView, 'current'>>();

  constructor(
    private readonly repository: WorkflowHistoryRepository,
    private readonly workflow: WorkflowService,
  ) {}

  definition(version: number): Omit<WorkflowDefinitionView, 'current'> {
    let d = this.cache.get(version);
    if (!d) {
      const machine = machineForVersion(version);
      d = {
        machineId: machine.id,
        machineVersion: version,
        statechart: describeWorkflow(machine, version),
        mermaid: toMermaid(machine, version),
      };
      this.cache.set(version, d);
    }
    return d;
  }

  /**
   * The statechart is public; the regulation's own state only for callers who may read it. An
   * unknown id is a 404.
   */
  async forRegulation(
    principal: Principal | undefined,
    id: string,
  ): Promise<WorkflowDefinitionView> {
    const r = await this.repository.workflowOf(id);
    if (!r) throw new ProblemException(404, 'not-found', msg('regulation.noSuch'));
    // A regulation the caller may not see does not exist for them (the same 404 as an unknown id).
    requireAccess(
      AccessPolicy.readRegulation(principal, {
        agencyId: r.agencyId,
        published: r.published,
        planPublic: r.planPublic,
      }),
      'regulation',
    );
    const view: WorkflowDefinitionView = { ...this.definition(r.machineVersion) };
    const snapshot = r.workflowSnapshot as PersistedWorkflowSnapshot;
    view.current = {
      ...stateOf(snapshot),
      version: r.version,
      availableEvents: this.workflow.availableEventsFor(principal, {
        agencyId: r.agencyId,
        workflowSnapshot: snapshot,
      }),
    };
    return view;
  }
}
