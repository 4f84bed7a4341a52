import {
  FACTS_READ_BY_EVENT,
  REGULATION_EVENT_TYPES,
  normalizeFacts,
  validateEvent,
} from './regulation.events';

function errorsOf(body: unknown) {
  const result = validateEvent(body);
  if (result.ok) throw new Error(`expected errors for ${JSON.stringify(body)}`);
  return result.errors;
}

function commandOf(body: unknown) {
  const result = validateEvent(body);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.command;
}

describe('validateEvent', () => {
  it('refuses a body that is not an object, or an unknown type', () => {
    expect(errorsOf('SUBMIT_FOR_REVIEW')).toEqual([
      { field: 'type', message: 'the event must be a JSON object' },
    ]);
    expect(errorsOf({ type: 'FLY' })[0].field).toBe('type');
    expect(errorsOf({})[0].field).toBe('type');
  });

  it.each([
    'SUBMIT_FOR_REVIEW',
    'CONFIRM_BASELINE',
    'CLOSE_EXPERT_ROUND',
    'SUBMIT_TO_GOVERNMENT_OFFICE',
    'IMPLEMENTATION_DEADLINE_PASSED',
  ])('%s takes no payload and drops unknown fields', (type) => {
    expect(commandOf({ type, extra: 1 })).toEqual({ type });
  });

  describe('COMPLETE_REVIEW', () => {
    it('needs three booleans; notes are optional', () => {
      expect(
        commandOf({ type: 'COMPLETE_REVIEW', necessary: true, legal: false, reasonable: true }),
      ).toEqual({ type: 'COMPLETE_REVIEW', necessary: true, legal: false, reasonable: true });
      expect(
        commandOf({
          type: 'COMPLETE_REVIEW',
          necessary: true,
          legal: true,
          reasonable: true,
          notes: '  ok ',
        }),
      ).toMatchObject({ notes: 'ok' });
    });
    it('names every missing or non-boolean criterion', () => {
      expect(errorsOf({ type: 'COMPLETE_REVIEW', necessary: 'yes', legal: true })).toEqual([
        { field: 'necessary', message: 'must be true or false' },
        { field: 'reasonable', message: 'must be true or false' },
      ]);
    });
  });

  describe('OPEN_CONSULTATION', () => {
    it('normalises deadlines (a date alone = 23:59:59 in Vietnam) and de-duplicates experts', () => {
      expect(
        commandOf({
          type: 'OPEN_CONSULTATION',
          expertDeadline: '2026-12-31',
          associationDeadline: '2027-01-05T17:00:00+07:00',
          expertIds: ['e1', 'e2', 'e1'],
        }),
      ).toEqual({
        type: 'OPEN_CONSULTATION',
        expertDeadline: '2026-12-31T16:59:59.000Z',
        associationDeadline: '2027-01-05T10:00:00.000Z',
        expertIds: ['e1', 'e2'],
      });
    });
    it('accepts an empty expert list (the atLeastOneExpert guard refuses it, as a 422)', () => {
      expect(
        commandOf({
          type: 'OPEN_CONSULTATION',
          expertDeadline: '2026-12-31',
          associationDeadline: '2026-12-31',
          expertIds: [],
        }),
      ).toMatchObject({ expertIds: [] });
    });
    it('reports deadlines that are not dates, lack an offset, or are missing', () => {
      const errors = errorsOf({
        type: 'OPEN_CONSULTATION',
        expertDeadline: 'soon',
        associationDeadline: '2026-12-31T10:00:00',
        expertIds: 'e1',
      });
      expect(errors.map((e) => e.field)).toEqual([
        'expertDeadline',
        'associationDeadline',
        'expertIds',
      ]);
      expect(errors[1].message).toMatch(/no time zone offset/);
      expect(errorsOf({ type: 'OPEN_CONSULTATION', expertIds: [] })).toEqual([
        { field: 'expertDeadline', message: 'is required' },
        { field: 'associationDeadline', message: 'is required' },
      ]);
    });
    it('refuses blank expert ids', () => {
      expect(
        errorsOf({
          type: 'OPEN_CONSULTATION',
          expertDeadline: '2026-12-31',
          associationDeadline: '2026-12-31',
          expertIds: ['e1', ' '],
        }),
      ).toEqual([{ field: 'expertIds', message: 'every expert id must be a non-empty string' }]);
    });
  });

  describe('timer events', () => {
    it('carry an optional positive integer cycle', () => {
      expect(commandOf({ type: 'EXPERT_ROUND_DEADLINE', cycle: 2 })).toEqual({
        type: 'EXPERT_ROUND_DEADLINE',
        cycle: 2,
      });
      expect(commandOf({ type: 'ASSOCIATION_ROUND_DEADLINE' })).toEqual({
        type: 'ASSOCIATION_ROUND_DEADLINE',
      });
      expect(errorsOf({ type: 'EXPERT_ROUND_DEADLINE', cycle: 0 })[0].field).toBe('cycle');
      expect(errorsOf({ type: 'ASSOCIATION_ROUND_DEADLINE', cycle: '1' })[0].field).toBe('cycle');
    });
  });

  describe('RETURN_FOR_REVISION', () => {
    it('needs reasons; a single string becomes a list', () => {
      expect(commandOf({ type: 'RETURN_FOR_REVISION', reasons: 'cost not verified' })).toEqual({
        type: 'RETURN_FOR_REVISION',
        reasons: ['cost not verified'],
      });
      expect(commandOf({ type: 'RETURN_FOR_REVISION', reasons: ['a', 'b'] })).toMatchObject({
        reasons: ['a', 'b'],
      });
      expect(errorsOf({ type: 'RETURN_FOR_REVISION' })[0].field).toBe('reasons');
      expect(errorsOf({ type: 'RETURN_FOR_REVISION', reasons: [] })[0].field).toBe('reasons');
      expect(errorsOf({ type: 'RETURN_FOR_REVISION', reasons: [''] })[0].field).toBe('reasons');
    });
  });

  describe('RECORD_DECISION', () => {
    const approval = {
      type: 'RECORD_DECISION',
      outcome: 'approved',
      decisionNumber: '1661/QĐ-TTg',
      decisionDate: '2021-10-04',
      implementationDeadline: '2022-12-31',
    };
    it('normalises the implementation deadline', () => {
      expect(commandOf(approval)).toEqual({
        ...approval,
        implementationDeadline: '2022-12-31T16:59:59.000Z',
      });
    });
    it('requires an implementation deadline when approved, not when rejected', () => {
      const { implementationDeadline: _omit, ...noDeadline } = approval;
      expect(errorsOf(noDeadline)).toEqual([
        { field: 'implementationDeadline', message: 'is required' },
      ]);
      expect(commandOf({ ...noDeadline, outcome: 'rejected' })).toEqual({
        ...noDeadline,
        outcome: 'rejected',
      });
    });
    it('names a bad outcome, number and date', () => {
      expect(
        errorsOf({ type: 'RECORD_DECISION', outcome: 'maybe', decisionDate: '04/10/2021' }).map(
          (e) => e.field,
        ),
      ).toEqual(['outcome', 'decisionNumber', 'decisionDate']);
    });
  });

  describe('RECORD_IMPLEMENTATION', () => {
    it('needs the amending document number and a valid effective date', () => {
      expect(
        commandOf({
          type: 'RECORD_IMPLEMENTATION',
          amendingDocumentNumber: '12/2026/NĐ-CP',
          effectiveDate: '2026-09-01',
        }),
      ).toEqual({
        type: 'RECORD_IMPLEMENTATION',
        amendingDocumentNumber: '12/2026/NĐ-CP',
        effectiveDate: '2026-09-01',
      });
      expect(
        errorsOf({ type: 'RECORD_IMPLEMENTATION', effectiveDate: '2026-02-30' }).map(
          (e) => e.field,
        ),
      ).toEqual(['amendingDocumentNumber', 'effectiveDate']);
    });
  });

  describe('WITHDRAW', () => {
    it('needs a reason', () => {
      expect(commandOf({ type: 'WITHDRAW', reason: 'duplicate' })).toEqual({
        type: 'WITHDRAW',
        reason: 'duplicate',
      });
      expect(errorsOf({ type: 'WITHDRAW' })).toEqual([{ field: 'reason', message: 'is required' }]);
      expect(errorsOf({ type: 'WITHDRAW', reason: '   ' })[0].field).toBe('reason');
    });
  });

  it('REVISE_PLAN and FORWARD_FOR_DECISION take an optional text', () => {
    expect(commandOf({ type: 'REVISE_PLAN', reason: 'feedback' })).toEqual({
      type: 'REVISE_PLAN',
      reason: 'feedback',
    });
    expect(commandOf({ type: 'FORWARD_FOR_DECISION' })).toEqual({ type: 'FORWARD_FOR_DECISION' });
    expect(errorsOf({ type: 'FORWARD_FOR_DECISION', note: 5 })[0].field).toBe('note');
  });
});

describe('FACTS_READ_BY_EVENT', () => {
  it('lists the facts of every event, always including now', () => {
    for (const type of REGULATION_EVENT_TYPES) {
      expect(FACTS_READ_BY_EVENT[type]).toContain('now');
    }
    expect(FACTS_READ_BY_EVENT.OPEN_CONSULTATION).toEqual(
      expect.arrayContaining(['plan', 'proposedEstimateExists', 'minConsultationDays']),
    );
  });
});

describe('normalizeFacts', () => {
  it('normalises now to UTC and refuses a now without offset', () => {
    expect(normalizeFacts({ now: '2026-03-01T09:00:00+07:00' }).now).toBe(
      '2026-03-01T02:00:00.000Z',
    );
    expect(() => normalizeFacts({ now: '2026-03-01T09:00:00' })).toThrow(/offset/);
  });
});
