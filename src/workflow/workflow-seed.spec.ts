import { RegulationWorkflowSeed } from '../register/regulation-workflow-seed';
import { initialSnapshot, REGULATION_MACHINE_VERSION } from './domain';
import { WorkflowSeedProvider } from './workflow-seed';

describe('the register’s workflow seed', () => {
  const at = '2026-03-02T02:00:00.000Z';

  it('refuses when no workflow provided it', () => {
    expect(() => new RegulationWorkflowSeed().initial(at)).toThrow(/WorkflowModule/);
  });

  it('is the statechart’s initial snapshot once the workflow provides it', () => {
    const seed = new RegulationWorkflowSeed();
    new WorkflowSeedProvider(seed);
    expect(seed.initial(at)).toEqual({
      snapshot: initialSnapshot(at),
      state: 'draft',
      stateName: 'draft',
      machineVersion: REGULATION_MACHINE_VERSION,
    });
  });
});
