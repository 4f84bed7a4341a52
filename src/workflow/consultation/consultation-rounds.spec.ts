import { roundOpenIn } from './consultation-rounds.service';

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
