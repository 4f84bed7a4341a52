/**
 * The tamper-evident chain of a regulation's workflow history (nhật ký): each entry's hash covers
 * its content and the previous entry's hash, so changing, deleting or reordering any stored row
 * breaks every link after it. Pure: no Nest, no database.
 */
import { canonicalJson, sha256Hex } from '../../common/canonical-json';

export { canonicalJson, sha256Hex };

/** The hash the first entry of every chain points back to. */
export const GENESIS_HASH = '0'.repeat(64);

/** What one history entry records; every field is covered by the hash. */
export interface HistoryEntryContent {
  regulationId: string;
  seq: number;
  /** UTC ISO instant with milliseconds. */
  at: string;
  actorId: string | null;
  actorKind: 'user' | 'api_key' | 'system';
  actorRole: string;
  actorAgencyId: string | null;
  event: string;
  fromState: unknown;
  toState: unknown;
  fromStateName: string;
  toStateName: string;
  payload: Record<string, unknown>;
  machineVersion: number;
}

export interface ChainedEntry extends HistoryEntryContent {
  prevHash: string;
  hash: string;
}

export function entryHash(prevHash: string, content: HistoryEntryContent): string {
  const c: HistoryEntryContent = {
    regulationId: content.regulationId,
    seq: content.seq,
    at: content.at,
    actorId: content.actorId,
    actorKind: content.actorKind,
    actorRole: content.actorRole,
    actorAgencyId: content.actorAgencyId,
    event: content.event,
    fromState: content.fromState,
    toState: content.toState,
    fromStateName: content.fromStateName,
    toStateName: content.toStateName,
    payload: content.payload,
    machineVersion: content.machineVersion,
  };
  return sha256Hex(`${prevHash}\n${canonicalJson(c)}`);
}

/** Links a new entry after `previous` (or after the genesis hash for the first one). */
export function chain(
  previous: { seq: number; hash: string } | null,
  content: Omit<HistoryEntryContent, 'seq'>,
): ChainedEntry {
  const seq = (previous?.seq ?? 0) + 1;
  const prevHash = previous?.hash ?? GENESIS_HASH;
  const full = { ...content, seq };
  return { ...full, prevHash, hash: entryHash(prevHash, full) };
}

export interface ChainVerification {
  valid: boolean;
  entries: number;
  /** The seq of the first entry whose link or content does not check out; null when valid. */
  brokenAt: number | null;
  reason?: string;
}

/**
 * Recomputes the chain over entries in stored order. Detects an edited entry (its hash no
 * longer matches), a deleted or inserted one (seq gap, or prev_hash not the previous hash) and a
 * rewritten hash (the next entry's prev_hash no longer matches).
 */
export function verifyChain(entries: readonly ChainedEntry[]): ChainVerification {
  let prev: ChainedEntry | null = null;
  for (const e of entries) {
    const expectedSeq = (prev?.seq ?? 0) + 1;
    const broken = (reason: string): ChainVerification => ({
      valid: false,
      entries: entries.length,
      brokenAt: e.seq,
      reason,
    });
    if (e.seq !== expectedSeq) return broken(`entry ${expectedSeq} is missing`);
    const expectedPrev = prev?.hash ?? GENESIS_HASH;
    if (e.prevHash !== expectedPrev) return broken('the link to the previous entry is broken');
    if (entryHash(e.prevHash, e) !== e.hash)
      return broken('the entry was changed after it was written');
    prev = e;
  }
  return { valid: true, entries: entries.length, brokenAt: null };
}
