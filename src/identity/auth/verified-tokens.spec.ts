import { VerifiedTokens } from './verified-tokens';

describe('VerifiedTokens', () => {
  it('returns the claims of a token until it expires, then forgets it', () => {
    const cache = new VerifiedTokens<{ exp: number; sub: string }>();
    cache.set('a.b.c', { exp: 100, sub: 'u1' });
    expect(cache.get('a.b.c', 99)).toEqual({ exp: 100, sub: 'u1' });
    expect(cache.get('a.b.c', 100)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('is keyed by the whole token: a token differing in one byte is a miss', () => {
    const cache = new VerifiedTokens<{ exp: number }>();
    cache.set('a.b.c', { exp: 100 });
    expect(cache.get('a.b.d', 1)).toBeUndefined();
  });

  it('keeps at most its capacity, dropping the oldest', () => {
    const cache = new VerifiedTokens<{ exp: number }>(2);
    cache.set('t1', { exp: 100 });
    cache.set('t2', { exp: 100 });
    cache.set('t3', { exp: 100 });
    expect(cache.size).toBe(2);
    expect(cache.get('t1', 1)).toBeUndefined();
    expect(cache.get('t3', 1)).toEqual({ exp: 100 });
  });

  it('never keeps claims without an expiry', () => {
    const cache = new VerifiedTokens<{ exp?: number }>();
    cache.set('t', {});
    expect(cache.get('t', 1)).toBeUndefined();
  });
});
