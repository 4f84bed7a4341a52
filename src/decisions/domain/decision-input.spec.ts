import { validateDecisionInput } from './decision-input';

const TODAY = '2026-05-01';
const A = '3f2b6c1e-8a4d-4c3b-9e2f-1a2b3c4d5e6f';
const B = '4a3c7d2f-9b5e-4d4c-8f3a-2b3c4d5e6f70';

const valid = {
  decisionNumber: '1661/qđ-ttg',
  decisionDate: '2026-04-20',
  outcome: 'approved',
  implementationDeadline: '2026-12-31',
  regulationIds: [A, B.toUpperCase()],
};

const fields = (body: Record<string, unknown>) => {
  const r = validateDecisionInput(body, TODAY);
  return r.ok ? [] : r.errors.map((e) => e.field);
};

describe('a decision over several regulations', () => {
  it('normalises the number, the deadline and the ids', () => {
    expect(validateDecisionInput(valid, TODAY)).toEqual({
      ok: true,
      value: {
        decisionNumber: '1661/QĐ-TTg',
        decisionDate: '2026-04-20',
        outcome: 'approved',
        // A date alone is 23:59:59 that day in Asia/Ho_Chi_Minh.
        implementationDeadline: '2026-12-31T16:59:59.000Z',
        regulationIds: [A, B],
      },
    });
  });

  it('checks the number like a Prime Minister’s decision', () => {
    expect(fields({ ...valid, decisionNumber: '1661/QD-TTg' })).toEqual(['decisionNumber']);
    expect(fields({ ...valid, decisionNumber: '15/2018/NĐ-CP' })).toEqual(['decisionNumber']);
    expect(fields({ ...valid, decisionNumber: '' })).toEqual(['decisionNumber']);
    expect(
      fields({ ...valid, decisionNumber: '23/2021/QĐ-TTg', decisionDate: '2021-04-01' }),
    ).toEqual([]);
    // The year in the number cannot be after the decision's date.
    expect(fields({ ...valid, decisionNumber: '23/2027/QĐ-TTg' })).toEqual(['decisionNumber']);
    const r = validateDecisionInput({ ...valid, decisionNumber: '1661/QD-TTg' }, TODAY);
    expect(!r.ok && r.errors[0].message).toMatch(/QĐ-TTg/);
  });

  it('refuses a decision dated in the future and malformed dates', () => {
    expect(fields({ ...valid, decisionDate: '2026-05-02' })).toEqual(['decisionDate']);
    expect(fields({ ...valid, decisionDate: '04/10/2021' })).toEqual(['decisionDate']);
    expect(fields({ ...valid, decisionDate: '2026-02-30' })).toEqual(['decisionDate']);
  });

  it('requires a deadline, not before the decision, exactly when approved', () => {
    expect(fields({ ...valid, implementationDeadline: undefined })).toEqual([
      'implementationDeadline',
    ]);
    expect(fields({ ...valid, implementationDeadline: '2026-04-19' })).toEqual([
      'implementationDeadline',
    ]);
    // Already passed is allowed: the implementation becomes overdue at once.
    expect(fields({ ...valid, implementationDeadline: '2026-04-20' })).toEqual([]);
    expect(fields({ ...valid, implementationDeadline: '2026-12-31T10:00:00' })).toEqual([
      'implementationDeadline',
    ]);
    expect(fields({ ...valid, outcome: 'rejected', implementationDeadline: undefined })).toEqual(
      [],
    );
    expect(fields({ ...valid, outcome: 'rejected' })).toEqual(['implementationDeadline']);
    expect(fields({ ...valid, outcome: 'maybe' })).toEqual(['outcome']);
  });

  it('needs at least one regulation, each once', () => {
    expect(fields({ ...valid, regulationIds: [] })).toEqual(['regulationIds']);
    expect(fields({ ...valid, regulationIds: [A, B, A.toUpperCase()] })).toEqual([
      'regulationIds[2]',
    ]);
  });
});
