import {
  GENESIS_HASH,
  canonicalJson,
  chain,
  verifyChain,
  type ChainedEntry,
  type HistoryEntryContent,
} from './history-chain';

const content = (event: string, payload: Record<string, unknown> = {}) =>
  ({
    regulationId: '2d3c9c1e-6a43-4c52-9b1a-3f7c2b0e9a11',
    at: '2026-03-02T02:00:00.000Z',
    actorId: '7b1f0a52-1d9e-4a86-9a38-8f5f3f7d6c01',
    actorKind: 'user',
    actorRole: 'ministry_officer',
    actorAgencyId: '1f0a52a1-1d9e-4a86-9a38-8f5f3f7d6c02',
    event,
    fromState: 'draft',
    toState: 'review',
    fromStateName: 'draft',
    toStateName: 'review',
    payload,
    machineVersion: 1,
  }) satisfies Omit<HistoryEntryContent, 'seq'>;

function build(n: number): ChainedEntry[] {
  const out: ChainedEntry[] = [];
  for (let i = 0; i < n; i++) {
    out.push(chain(out[i - 1] ?? null, content(`E${i}`, { i, nested: { b: 1, a: [2, 'x'] } })));
  }
  return out;
}

describe('canonicalJson', () => {
  it('sorts keys at every level so jsonb key order does not matter', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}',
    );
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it('drops undefined members like JSON does and refuses non-finite numbers', () => {
    expect(canonicalJson({ a: undefined, b: 'x' })).toBe('{"b":"x"}');
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/non-finite/);
  });
});

describe('history hash chain', () => {
  it('numbers entries from 1 and links each to the previous hash', () => {
    const entries = build(3);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(entries[0].prevHash).toBe(GENESIS_HASH);
    expect(entries[1].prevHash).toBe(entries[0].hash);
    expect(entries[2].prevHash).toBe(entries[1].hash);
    expect(entries[0].hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('verifies an intact chain, also after a jsonb-style key reordering of payloads', () => {
    const entries = build(4).map((e) => ({
      ...e,
      payload: JSON.parse(JSON.stringify({ nested: e.payload.nested, i: e.payload.i })),
    }));
    expect(verifyChain(entries)).toEqual({ valid: true, entries: 4, brokenAt: null });
    expect(verifyChain([])).toEqual({ valid: true, entries: 0, brokenAt: null });
  });

  it('detects an edited entry at that entry', () => {
    const entries = build(4);
    entries[2] = { ...entries[2], payload: { i: 99 } };
    expect(verifyChain(entries)).toMatchObject({ valid: false, entries: 4, brokenAt: 3 });
    const actor = build(4);
    actor[1] = { ...actor[1], actorRole: 'gov_office' };
    expect(verifyChain(actor).brokenAt).toBe(2);
  });

  it('detects a recomputed hash at the next entry, and a deleted or reordered entry', () => {
    const rehashed = build(4);
    const { hash: _old, prevHash, ...rest } = rehashed[1];
    rehashed[1] = chain(rehashed[0], { ...rest, event: 'FORGED' });
    expect(rehashed[1].prevHash).toBe(prevHash);
    expect(verifyChain(rehashed).brokenAt).toBe(3);

    const deleted = build(4);
    deleted.splice(1, 1);
    expect(verifyChain(deleted)).toMatchObject({ valid: false, brokenAt: 3 });

    const swapped = build(3);
    [swapped[1], swapped[2]] = [swapped[2], swapped[1]];
    expect(verifyChain(swapped).brokenAt).toBe(3);
  });
});
