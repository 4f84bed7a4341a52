import { warningsOf } from './warnings-of';

describe('warnings of an accepted action', () => {
  it('reads them from an event or decision answer, and none when absent', () => {
    const w = {
      code: 'implementation_deadline_past',
      field: 'implementationDeadline',
      message: 'm',
    };
    expect(warningsOf({ stateName: 'implementing', warnings: [w] })).toEqual([w]);
    expect(warningsOf({ stateName: 'implementing' })).toEqual([]);
    expect(warningsOf(undefined)).toEqual([]);
    expect(warningsOf({ warnings: 'not a list' })).toEqual([]);
  });
});
