import { closeReasonFor, roundOpenIn, roundsClosedBetween } from './rounds';

describe('roundOpenIn', () => {
  it('reads the region of each round in the parallel consultation state', () => {
    const both = { consultation: { experts: 'open', associations: 'open' } };
    const expertsClosed = { consultation: { experts: 'closed', associations: 'open' } };
    expect(roundOpenIn(both, 'expert')).toBe(true);
    expect(roundOpenIn(both, 'association')).toBe(true);
    expect(roundOpenIn(expertsClosed, 'expert')).toBe(false);
    expect(roundOpenIn(expertsClosed, 'association')).toBe(true);
  });
  it('is false outside consultation', () => {
    expect(roundOpenIn('responding', 'expert')).toBe(false);
    expect(roundOpenIn({ implementing: 'on_track' }, 'association')).toBe(false);
  });
});

describe('roundsClosedBetween', () => {
  const both = { consultation: { experts: 'open', associations: 'open' } };
  const expertsClosed = { consultation: { experts: 'closed', associations: 'open' } };
  it('names the rounds open before and not after', () => {
    expect(roundsClosedBetween(both, expertsClosed)).toEqual(['expert']);
    expect(roundsClosedBetween(expertsClosed, 'responding')).toEqual(['association']);
    expect(roundsClosedBetween(both, 'withdrawn')).toEqual(['expert', 'association']);
  });
  it('is empty when no round closed', () => {
    expect(roundsClosedBetween('drafting_plan', both)).toEqual([]);
    expect(roundsClosedBetween(both, both)).toEqual([]);
  });
});

describe('closeReasonFor', () => {
  it('tells an early close and a withdrawal from a deadline', () => {
    expect(closeReasonFor('CLOSE_EXPERT_ROUND')).toBe('early');
    expect(closeReasonFor('WITHDRAW')).toBe('withdrawn');
    expect(closeReasonFor('EXPERT_ROUND_DEADLINE')).toBe('deadline');
  });
});
