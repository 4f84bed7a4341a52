/** The languages of messages: Vietnamese by default, English on request (Accept-Language). */
export type Language = 'vi' | 'en';

export const DEFAULT_LANGUAGE: Language = 'vi';

/**
 * The language an `Accept-Language` header prefers among vi and en, by q-value (ties: the order
 * written). Anything else, a missing or malformed header, or `*` → vi.
 */
export function negotiateLanguage(header: string | string[] | undefined | null): Language {
  const raw = Array.isArray(header) ? header.join(',') : header;
  if (!raw) return DEFAULT_LANGUAGE;
  let best: { lang: Language; q: number } | null = null;
  for (const part of raw.split(',')) {
    const [tag, ...params] = part.trim().split(';');
    const primary = tag.trim().toLowerCase().split('-')[0];
    let q = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(p);
      if (m) q = Number(m[1]);
    }
    if (!Number.isFinite(q) || q <= 0) continue;
    const lang: Language | null =
      primary === 'en' ? 'en' : primary === 'vi' || primary === '*' ? 'vi' : null;
    if (lang && (!best || q > best.q)) best = { lang, q };
  }
  return best?.lang ?? DEFAULT_LANGUAGE;
}
