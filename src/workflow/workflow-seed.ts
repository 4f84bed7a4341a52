import { Injectable } from '@nestjs/common';
import { RegulationWorkflowSeed } from '../register/regulation-workflow-seed';
import { initialSnapshot, stateOf } from './domain';

/** Gives the register the statechart's initial snapshot for the regulations it creates. */
@Injectable()
export class WorkflowSeedProvider {
  constructor(seed: RegulationWorkflowSeed) {
    // At construction: the register's seeder and importer may run from any module's init on.
    seed.provide((atIso) => {
      const snapshot = initialSnapshot(atIso);
      const { state, stateName } = stateOf(snapshot);
      return { snapshot, state, stateName, machineVersion: snapshot.machineVersion };
    });
  }
}
