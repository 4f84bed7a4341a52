import { parseIdempotencyKey, parseIfMatch } from './headers';

describe('If-Match', () => {
  it('accepts a version as a number or as the ETag this API sends', () => {
    expect(parseIfMatch('3')).toEqual({ ok: true, value: 3 });
    expect(parseIfMatch('"12"')).toEqual({ ok: true, value: 12 });
    expect(parseIfMatch('W/"7"')).toEqual({ ok: true, value: 7 });
    expect(parseIfMatch(' 4 ')).toEqual({ ok: true, value: 4 });
  });
  it('is absent when missing or empty', () => {
    expect(parseIfMatch(undefined)).toEqual({ ok: true, value: undefined });
    expect(parseIfMatch('')).toEqual({ ok: true, value: undefined });
  });
  it('names the header when it is not a version', () => {
    for (const bad of ['abc', '*', '0', '-1', '1.5', '"3", "4"', '9999999999']) {
      const r = parseIfMatch(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.field).toBe('If-Match');
    }
  });
});

describe('Idempotency-Key', () => {
  it('takes 1–200 visible ASCII characters', () => {
    expect(parseIdempotencyKey('4f1c2b5e-0d7a-4c1e-9f3a-1a2b3c4d5e6f')).toEqual({
      ok: true,
      value: '4f1c2b5e-0d7a-4c1e-9f3a-1a2b3c4d5e6f',
    });
    expect(parseIdempotencyKey(undefined)).toEqual({ ok: true, value: undefined });
    expect(parseIdempotencyKey('x'.repeat(200)).ok).toBe(true);
  });
  it('refuses spaces, non-ASCII, over-long and repeated keys', () => {
    for (const bad of ['a b', 'khóa', 'x'.repeat(201)]) {
      expect(parseIdempotencyKey(bad)).toMatchObject({
        ok: false,
        error: { field: 'Idempotency-Key' },
      });
    }
    expect(parseIdempotencyKey(['a', 'b']).ok).toBe(false);
  });
});
