import { emptyEstimate, estimateBody, previewCost, type EstimateValues } from './cost-preview';

const RATE_2020 = '671875/22'; // 64,500,000 / 2,112 VND per hour, exact

function worked(): EstimateValues {
  return {
    ...emptyEstimate('ps'),
    activities: [
      { name: 'Chuẩn bị hồ sơ', hours: '8', hoursLow: '', hoursHigh: '' },
      { name: 'Nộp hồ sơ', hours: '2', hoursLow: '', hoursHigh: '' },
      { name: 'Nhận kết quả', hours: '1', hoursLow: '', hoursHigh: '' },
    ],
    hiredServices: '1.000.000',
    feesAndCharges: '500.000',
    otherCosts: '100.000',
    frequencyPerYear: '1',
    subjectsPerYear: '12.000',
  };
}

describe('cost preview (the service calculator in the browser)', () => {
  it('reproduces the worked example exactly from Vietnamese-typed numbers', () => {
    const p = previewCost(worked(), RATE_2020);
    expect(p).toMatchObject({
      ok: true,
      unitCost: '1935937.50',
      annualCost: '23231250000',
      totalHours: '11',
    });
  });

  it('gives the proposed figure of the example', () => {
    const v = {
      ...worked(),
      activities: [
        { name: 'a', hours: '3', hoursLow: '', hoursHigh: '' },
        { name: 'b', hours: '1', hoursLow: '', hoursHigh: '' },
      ],
      hiredServices: '0',
      feesAndCharges: '200.000',
      otherCosts: '0',
    };
    expect(previewCost(v, RATE_2020)).toMatchObject({
      ok: true,
      unitCost: '322159.09',
      annualCost: '3865909091',
    });
  });

  it('shows ranges and names the field that is wrong', () => {
    const v = worked();
    v.activities[0].hoursLow = '6';
    v.activities[0].hoursHigh = '10';
    const p = previewCost(v, RATE_2020);
    expect(p.ok && p.hasRange).toBe(true);
    v.activities[1].hours = 'hai';
    const bad = previewCost(v, RATE_2020);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors.map((e) => e.field)).toContain('activities[1].hours');
  });

  it('sends decimal strings, leaving blank ranges out', () => {
    const body = estimateBody({ ...worked(), frequencyPerYear: '0,2' });
    expect(body).toMatchObject({
      hiredServices: '1000000',
      subjectsPerYear: '12000',
      frequencyPerYear: '0.2',
    });
    expect(body).not.toHaveProperty('frequencyLow');
  });
});
