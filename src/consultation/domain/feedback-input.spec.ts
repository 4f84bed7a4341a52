import { DEFAULT_COST_LIMITS } from '../../costing/domain';
import { StoredInputs } from '../../costing/shared/rows';
import { canonicalCostField, costFieldValue, parseFeedbackInput } from './feedback-input';

const limits = { ...DEFAULT_COST_LIMITS };
const parse = (body: Record<string, unknown>) => parseFeedbackInput(body, limits);
const fields = (body: Record<string, unknown>) => {
  const r = parse(body);
  return r.ok ? [] : r.errors.map((e) => e.field);
};

const INPUTS: StoredInputs = {
  activities: [
    { name: 'Chuẩn bị hồ sơ', hours: '8', hoursLow: '6', hoursHigh: null },
    { name: 'Nộp hồ sơ', hours: '2', hoursLow: null, hoursHigh: null },
  ],
  hiredServices: '1000000',
  feesAndCharges: '500000',
  otherCosts: '0',
  frequencyPerYear: '1',
  frequencyLow: null,
  frequencyHigh: null,
  subjectsPerYear: '12000',
  subjectsLow: '10000',
  subjectsHigh: '15000',
};

describe('feedback input', () => {
  it('normalises the text and evidence to exact decimals', () => {
    const r = parse({
      content: '  Thời gian thực tế là 8 giờ.\r\nĐề nghị điều chỉnh.  ',
      target: { kind: 'cost_field', estimate: 'baseline', field: 'activities[00].hours' },
      evidence: { subjects: 3200, frequencyPerYear: '2', hours: 8.5, amount: '450000.50' },
    });
    expect(r).toEqual({
      ok: true,
      value: {
        content: 'Thời gian thực tế là 8 giờ.\nĐề nghị điều chỉnh.',
        target: { kind: 'cost_field', estimate: 'baseline', field: 'activities[0].hours' },
        evidence: {
          subjects: '3200',
          frequencyPerYear: '2',
          hours: '8.5',
          amount: '450000.5',
          note: null,
        },
      },
    });
  });

  it('requires content, plain text and a bounded length', () => {
    expect(fields({})).toEqual(['content']);
    expect(fields({ content: '   ' })).toEqual(['content']);
    expect(fields({ content: 42 })).toEqual(['content']);
    expect(fields({ content: 'a\u0000b' })).toEqual(['content']);
    expect(fields({ content: 'ệ'.repeat(10_000) })).toEqual([]);
    expect(fields({ content: 'ệ'.repeat(10_001) })).toEqual(['content']);
  });

  it('checks that a target is consistent', () => {
    expect(fields({ content: 'x', target: { kind: 'plan' } })).toEqual([]);
    expect(fields({ content: 'x', target: { kind: 'law' } })).toEqual(['target.kind']);
    expect(fields({ content: 'x', target: { kind: 'plan', field: 'feesAndCharges' } })).toEqual([
      'target.field',
    ]);
    expect(fields({ content: 'x', target: { kind: 'cost_field' } })).toEqual([
      'target.estimate',
      'target.field',
    ]);
    expect(
      fields({
        content: 'x',
        target: { kind: 'cost_field', estimate: 'baseline', field: 'subjectType' },
      }),
    ).toEqual(['target.field']);
    expect(
      fields({
        content: 'x',
        target: { kind: 'cost_field', estimate: 'later', field: 'otherCosts' },
      }),
    ).toEqual(['target.estimate']);
  });

  it('parses evidence numbers strictly, money never as a float', () => {
    expect(
      fields({
        content: 'x',
        evidence: { subjects: 3.5, hours: '1e3', amount: '10.005', frequencyPerYear: -1 },
      }),
    ).toEqual([
      'evidence.subjects',
      'evidence.frequencyPerYear',
      'evidence.hours',
      'evidence.amount',
    ]);
    expect(fields({ content: 'x', evidence: { subjects: '2000000000' } })).toEqual([
      'evidence.subjects',
    ]);
    expect(fields({ content: 'x', evidence: {} })).toEqual(['evidence']);
    expect(fields({ content: 'x', evidence: { note: 'khảo sát 120 hội viên' } })).toEqual([]);
    // A big amount as a string stays exact.
    const r = parse({ content: 'x', evidence: { amount: '999999999999.99' } });
    expect(r.ok && r.value.evidence?.amount).toBe('999999999999.99');
  });

  it('lists every mistake at once', () => {
    expect(fields({ content: '', target: { kind: 'x' }, evidence: { hours: 'abc' } })).toEqual([
      'content',
      'target.kind',
      'evidence.hours',
    ]);
  });
});

describe('cost fields of an estimate', () => {
  it('canonicalises names the costing module accepts', () => {
    expect(canonicalCostField('feesAndCharges')).toBe('feesAndCharges');
    expect(canonicalCostField(' activities[007].hoursLow ')).toBe('activities[7].hoursLow');
    expect(canonicalCostField('activities[0].name')).toBeNull();
    expect(canonicalCostField('annualCost')).toBeNull();
  });

  it('reads a real field and refuses one the estimate does not have', () => {
    expect(costFieldValue(INPUTS, 'activities[1].hours')).toEqual({ ok: true, value: '2' });
    expect(costFieldValue(INPUTS, 'activities[0].hoursLow')).toEqual({ ok: true, value: '6' });
    expect(costFieldValue(INPUTS, 'subjectsPerYear')).toEqual({ ok: true, value: '12000' });
    expect(costFieldValue(INPUTS, 'activities[2].hours')).toMatchObject({
      ok: false,
      message: 'the estimate has 2 activities (activities[0]…activities[1])',
    });
    expect(costFieldValue(INPUTS, 'frequencyLow')).toMatchObject({
      ok: false,
      message: 'the estimate gives no frequencyLow',
    });
    expect(costFieldValue({} as StoredInputs, 'activities[0].hours').ok).toBe(false);
  });
});
