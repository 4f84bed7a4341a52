import { Principal } from '../../identity/domain/principal';
import { Role, ROLES } from '../../identity/domain/roles';
import { mayGiveFeedback, mayHideFeedback, parseAnswer, roundClosedReason } from './feedback-rules';

const user = (role: Role, userId = 'user-1'): Principal => ({
  kind: 'user',
  id: userId,
  userId,
  role,
  agencyId: 'agency',
  agencyKind: 'association',
  readOnly: false,
});

const expertRound = { round: 'expert' as const, invitedExpertIds: ['USER-1', 'user-2'] };
const associationRound = { round: 'association' as const, invitedExpertIds: [] };

describe('who gives feedback in which round', () => {
  it('lets any association comment in association rounds and only there', () => {
    for (const role of ROLES) {
      expect(mayGiveFeedback(user(role), associationRound).allowed).toBe(
        role === 'association' || role === 'public',
      );
    }
    expect(mayGiveFeedback(user('association'), expertRound)).toMatchObject({ status: 403 });
    expect(mayGiveFeedback(user('public'), expertRound)).toMatchObject({ status: 403 });
  });

  it('lets only invited experts comment in the expert round', () => {
    expect(mayGiveFeedback(user('expert', 'user-1'), expertRound).allowed).toBe(true);
    expect(mayGiveFeedback(user('expert', 'user-9'), expertRound)).toMatchObject({
      allowed: false,
      status: 403,
      reason: 'you were not invited to this expert round',
    });
    expect(mayGiveFeedback(user('expert', 'user-1'), associationRound).allowed).toBe(false);
    expect(mayGiveFeedback(user('ministry_lead', 'user-1'), expertRound).allowed).toBe(false);
  });

  it('never lets an API key comment', () => {
    const key: Principal = { ...user('association'), kind: 'api_key', userId: null };
    expect(mayGiveFeedback(key, associationRound).allowed).toBe(false);
  });
});

describe('who moderates', () => {
  it('lets the Government Office and the owning agency hide public comments only', () => {
    const owner = { agencyId: user('ministry_officer').agencyId };
    const publicItem = { authorRole: 'public' };
    for (const role of ROLES) {
      const allowed = ['gov_office', 'ministry_officer', 'ministry_lead'].includes(role);
      expect(mayHideFeedback(user(role), owner, publicItem).allowed).toBe(allowed);
    }
    expect(
      mayHideFeedback(user('ministry_lead'), { agencyId: 'another' }, publicItem),
    ).toMatchObject({ status: 403 });
    expect(mayHideFeedback(user('gov_office'), owner, { authorRole: 'association' })).toMatchObject(
      {
        status: 403,
      },
    );
  });
});

describe('when a round takes feedback', () => {
  const open = {
    round: 'expert' as const,
    cycle: 2,
    status: 'open' as const,
    closesAt: '2026-04-01T00:00:00.000Z',
  };
  const state = { consultation: { experts: 'open', associations: 'closed' } };
  const now = new Date('2026-03-15T00:00:00.000Z');

  it('is open when the row, the state, the cycle and the clock all agree', () => {
    expect(roundClosedReason(open, { state, cycle: 2 }, now)).toBeNull();
  });

  it('is closed by any one of them', () => {
    expect(roundClosedReason({ ...open, status: 'closed' }, { state, cycle: 2 }, now)).toBe(
      'the expert round is closed',
    );
    expect(roundClosedReason(open, { state: 'responding', cycle: 2 }, now)).toBe(
      'the expert round is closed',
    );
    expect(roundClosedReason({ ...open, round: 'association' }, { state, cycle: 2 }, now)).toBe(
      'the association round is closed',
    );
    expect(roundClosedReason(open, { state, cycle: 3 }, now)).toMatch(
      /cycle 2; the current cycle is 3/,
    );
    expect(roundClosedReason(open, { state, cycle: 2 }, new Date(open.closesAt))).toMatch(
      /closed at its deadline/,
    );
  });
});

describe('an answer', () => {
  const costField = {
    kind: 'cost_field' as const,
    estimate: 'baseline' as const,
    field: 'activities[0].hours',
  };
  const fields = (body: Record<string, unknown>, target: Parameters<typeof parseAnswer>[1]) => {
    const r = parseAnswer(body, target);
    return r.ok ? [] : r.errors.map((e) => e.field);
  };

  it('always needs a disposition and an explanation', () => {
    expect(fields({}, null)).toEqual(['disposition', 'explanation']);
    expect(fields({ disposition: 'maybe', explanation: ' ' }, null)).toEqual([
      'disposition',
      'explanation',
    ]);
    expect(parseAnswer({ disposition: 'rejected', explanation: ' Giữ nguyên. ' }, null)).toEqual({
      ok: true,
      value: { disposition: 'rejected', explanation: 'Giữ nguyên.', reEstimate: null },
    });
  });

  it('requires the re-estimate when accepting a cost-field item, allows it when partially accepting', () => {
    expect(fields({ disposition: 'accepted', explanation: 'Tiếp thu' }, costField)).toEqual([
      'reEstimate.value',
    ]);
    expect(
      fields({ disposition: 'accepted', explanation: 'Tiếp thu', reEstimate: {} }, costField),
    ).toEqual(['reEstimate.value']);
    expect(
      parseAnswer(
        { disposition: 'accepted', explanation: 'Tiếp thu', reEstimate: { value: 8 } },
        costField,
      ),
    ).toMatchObject({ ok: true, value: { reEstimate: { value: 8 } } });
    expect(
      fields({ disposition: 'partially_accepted', explanation: 'Một phần' }, costField),
    ).toEqual([]);
    expect(
      fields(
        { disposition: 'partially_accepted', explanation: 'Một phần', reEstimate: { value: '6' } },
        costField,
      ),
    ).toEqual([]);
  });

  it('refuses a re-estimate with a rejection or on an item that disputes no cost field', () => {
    expect(
      fields(
        { disposition: 'rejected', explanation: 'Không', reEstimate: { value: 8 } },
        costField,
      ),
    ).toEqual(['reEstimate']);
    expect(
      fields(
        { disposition: 'accepted', explanation: 'Có', reEstimate: { value: 8 } },
        { kind: 'plan' },
      ),
    ).toEqual(['reEstimate']);
    expect(fields({ disposition: 'accepted', explanation: 'Có' }, { kind: 'plan' })).toEqual([]);
    expect(
      fields({ disposition: 'accepted', explanation: 'Có', reEstimate: { value: [8] } }, costField),
    ).toEqual(['reEstimate.value']);
  });
});
