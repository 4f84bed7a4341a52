import { jsonErrorPath, jsonSyntaxErrorAt } from './http-guards';

describe('jsonSyntaxErrorAt and jsonErrorPath', () => {
  it('agrees with JSON.parse on what is valid', () => {
    for (const text of ['{}', '[]', '{"a":[1,2,{"b":null}],"c":"x\\"y"}', ' -1.5e3 ', '"s"']) {
      expect(jsonSyntaxErrorAt(text)).toBe(-1);
    }
    for (const text of ['{', '{"a":}', '[1,,2]', '{"a":1,}', 'tru', '{"a" 1}', '1 2', '"\u0001"']) {
      expect(() => JSON.parse(text)).toThrow();
      expect(jsonSyntaxErrorAt(text)).toBeGreaterThanOrEqual(0);
    }
  });

  it('names the path where the text stopped being valid', () => {
    const at = (text: string) => jsonErrorPath(text, jsonSyntaxErrorAt(text));
    expect(at('{"title": "x", "items": [{"hours": 1}, {"hours": }]}')).toBe('items[1].hours');
    expect(at('{"a": {"b": [1, 2, x]}}')).toBe('a.b[2]');
    expect(at('{"title": "x",')).toBe('body');
    expect(at('nope')).toBe('body');
  });

  it('is safe at any depth', () => {
    expect(jsonSyntaxErrorAt('['.repeat(100_000))).toBe(100_000);
  });
});
