import { StoredInputs } from '../../costing/shared/rows';
import { summarizeEvidence } from './evidence-summary';

const estimate = (over: Partial<StoredInputs> = {}): StoredInputs => ({
  activities: [
    { name: 'a', hours: '8', hoursLow: null, hoursHigh: null },
    { name: 'b', hours: '2', hoursLow: null, hoursHigh: null },
    { name: 'c', hours: '1', hoursLow: null, hoursHigh: null },
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
  ...over,
});

const row = (subjects: string | null, hours: string | null, amount: string | null = null) => ({
  subjects,
  hours,
  amount,
  frequencyPerYear: null,
});

describe('evidence summary', () => {
  it('sums and ranks the reported figures exactly, next to the estimates', () => {
    const s = summarizeEvidence(
      [row('3200', '8'), row('4000', '12.5'), row('1800', null, '450000'), row(null, '9')],
      estimate(),
      estimate({ activities: [{ name: 'a', hours: '3', hoursLow: null, hoursHigh: null }] }),
    );
    expect(s.subjects).toEqual({
      reports: 3,
      min: '1800',
      median: '3200',
      max: '4000',
      sum: '9000',
      baselineSubjectsPerYear: '12000',
    });
    // Median of 8, 9, 12.5 is 9; of an even count the mean of the middle two.
    expect(s.hours).toEqual({
      reports: 3,
      min: '8',
      median: '9',
      max: '12.5',
      baseline: '11',
      proposed: '3',
    });
    expect(s.amount).toMatchObject({ reports: 1, median: '450000', baseline: '1600000' });
    expect(s.frequencyPerYear).toEqual({
      reports: 0,
      min: null,
      median: null,
      max: null,
      baseline: '1',
      proposed: '1',
    });
  });

  it('takes the mean of the middle two for an even count', () => {
    const s = summarizeEvidence([row(null, '8'), row(null, '9.25')], null, null);
    expect(s.hours).toMatchObject({ median: '8.625', baseline: null, proposed: null });
    expect(s.subjects).toMatchObject({ reports: 0, sum: null });
  });

  it('tolerates estimates stored without inputs', () => {
    const s = summarizeEvidence([row('1', '1')], {} as StoredInputs, null);
    expect(s.hours.baseline).toBeNull();
    expect(s.amount.baseline).toBeNull();
    expect(s.subjects.baselineSubjectsPerYear).toBeNull();
  });
});
