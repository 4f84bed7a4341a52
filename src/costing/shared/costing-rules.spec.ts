import {
  assertVersion,
  assertWritableState,
  defaultProgramme,
  parseIfMatch,
  vietnamDate,
  WRITABLE_STATES,
} from './costing-rules';

const status = (fn: () => void) => {
  try {
    fn();
    return null;
  } catch (err) {
    return (err as { getStatus(): number; getResponse(): Record<string, unknown> }).getStatus();
  }
};

describe('costing rules', () => {
  it('allows the baseline in draft, review, costing, retained; proposed and plan in drafting_plan', () => {
    const states = [
      'draft',
      'review',
      'costing',
      'drafting_plan',
      'consultation',
      'responding',
      'retained',
      'implementing',
    ];
    const allowed = (what: 'baseline' | 'proposed' | 'plan') =>
      states.filter((s) => status(() => assertWritableState(what, s)) === null);
    expect(allowed('baseline')).toEqual(['draft', 'review', 'costing', 'retained']);
    expect(allowed('proposed')).toEqual(['drafting_plan']);
    expect(allowed('plan')).toEqual(['drafting_plan']);
    expect(status(() => assertWritableState('baseline', 'consultation'))).toBe(409);
    expect(WRITABLE_STATES.baseline).toContain('retained');
  });

  it('names the current and allowed states in the 409', () => {
    try {
      assertWritableState('proposed', 'costing');
      throw new Error('not refused');
    } catch (err) {
      const body = (err as { getResponse(): Record<string, unknown> }).getResponse();
      expect(body).toMatchObject({
        status: 409,
        stateName: 'costing',
        allowedStates: ['drafting_plan'],
      });
      expect(body.detail).toContain('costing');
    }
  });

  it('reads If-Match as a bare, quoted or weak version; anything else is a 400', () => {
    expect(parseIfMatch(undefined)).toBeUndefined();
    expect(parseIfMatch('3')).toBe(3);
    expect(parseIfMatch('"12"')).toBe(12);
    expect(parseIfMatch('W/"4"')).toBe(4);
    expect(parseIfMatch([' 5 '])).toBe(5);
    for (const bad of ['abc', '-1', '1.5', '*', '"1', '12345678901'])
      expect(status(() => parseIfMatch(bad))).toBe(400);
  });

  it('treats a stale or premature If-Match as a conflict', () => {
    expect(status(() => assertVersion(undefined, 4, 'x'))).toBeNull();
    expect(status(() => assertVersion(4, 4, 'x'))).toBeNull();
    expect(status(() => assertVersion(3, 4, 'x'))).toBe(409);
    expect(status(() => assertVersion(1, null, 'x'))).toBe(409);
  });

  it('takes today in Asia/Ho_Chi_Minh (UTC+7)', () => {
    expect(vietnamDate(new Date('2025-03-25T16:59:59Z'))).toBe('2025-03-25');
    expect(vietnamDate(new Date('2025-03-25T17:00:00Z'))).toBe('2025-03-26');
  });

  it('defaults to the running programme with the latest start (domain.md §7)', () => {
    const programmes = [
      { id: '68', code: 'NQ68', startDate: '2020-05-12', endDate: '2025-12-31' },
      { id: '66', code: 'NQ66', startDate: '2025-03-26', endDate: '2026-12-31' },
    ];
    const pick = (today: string) => defaultProgramme(programmes, today)?.code ?? null;
    expect(pick('2020-05-11')).toBeNull();
    expect(pick('2020-05-12')).toBe('NQ68');
    expect(pick('2025-03-25')).toBe('NQ68');
    expect(pick('2025-03-26')).toBe('NQ66');
    expect(pick('2025-12-31')).toBe('NQ66');
    expect(pick('2026-12-31')).toBe('NQ66');
    expect(pick('2027-01-01')).toBeNull();
  });
});
