import { CostInputError } from '../domain';
import { isCostField, withCostField } from './cost-fields';
import { StoredInputs } from './rows';

const inputs: StoredInputs = {
  activities: [
    { name: 'Chuẩn bị hồ sơ', hours: '8', hoursLow: null, hoursHigh: null },
    { name: 'Nộp hồ sơ', hours: '2', hoursLow: '1', hoursHigh: null },
  ],
  hiredServices: '1000000',
  feesAndCharges: '500000',
  otherCosts: '100000',
  frequencyPerYear: '1',
  frequencyLow: null,
  frequencyHigh: null,
  subjectsPerYear: '12000',
  subjectsLow: null,
  subjectsHigh: null,
};

describe('cost fields a consultation item may dispute', () => {
  it('recognises the fields of api.md', () => {
    for (const f of [
      'feesAndCharges',
      'subjectsHigh',
      'activities[0].hours',
      'activities[12].hoursLow',
    ])
      expect(isCostField(f)).toBe(true);
    for (const f of [
      'subjectType',
      'activities[0].name',
      'activities.hours',
      'fees',
      'activities[-1].hours',
    ])
      expect(isCostField(f)).toBe(false);
  });

  it('replaces one value and leaves the stored inputs untouched', () => {
    const fees = withCostField(inputs, 'feesAndCharges', 0);
    expect(fees).toMatchObject({ feesAndCharges: 0, hiredServices: '1000000' });
    const hours = withCostField(inputs, 'activities[1].hours', '3.5');
    expect((hours.activities as Array<{ hours: unknown }>)[1].hours).toBe('3.5');
    expect(inputs.activities[1].hours).toBe('2');
    expect(inputs.feesAndCharges).toBe('500000');
  });

  it('names the field when it does not exist on this estimate', () => {
    expect(() => withCostField(inputs, 'activities[2].hours', 1)).toThrow(CostInputError);
    try {
      withCostField(inputs, 'subjectType', 'citizen');
    } catch (err) {
      expect((err as CostInputError).field).toBe('subjectType');
    }
  });
});
