/**
 * The one text normaliser for what is stored (titles, names, attachment file names, feedback) and
 * for search queries, so that a query cleans up exactly like the text it must find. Pure.
 *
 * - NFC: Vietnamese typed precomposed ("dựng sẵn") or decomposed ("tổ hợp") compares equal;
 * - removed: C0 controls other than tab/LF/CR, DEL, the soft hyphen, zero-width space/joiners,
 *   word joiner and BOM (pasted from Word and the web), and the bidirectional controls (LRM, RLM,
 *   ALM, the embeddings and overrides U+202A–U+202E, the isolates U+2066–U+2069), which can make
 *   "invoice\u202Egpj.exe" display as "invoiceexe.jpg";
 * - no-break spaces (U+00A0, U+202F, U+2007) become plain spaces.
 */
const INVISIBLE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;
const HAS_INVISIBLE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/;
const NO_BREAK_SPACE = /[\u00A0\u2007\u202F]/g;
const HAS_NO_BREAK_SPACE = /[\u00A0\u2007\u202F]/;

/** NFC, without invisible, control or bidi characters, no-break spaces as spaces. Not trimmed. */
export function cleanText(value: string): string {
  // Testing first is cheaper than replacing: most text (bulk imports call this a lot) is clean.
  let s = value.normalize('NFC');
  if (HAS_INVISIBLE.test(s)) s = s.replace(INVISIBLE, '');
  if (HAS_NO_BREAK_SPACE.test(s)) s = s.replace(NO_BREAK_SPACE, ' ');
  return s;
}

/** {@link cleanText}, every whitespace run one space, trimmed: names, titles, queries. */
export function cleanLine(value: string): string {
  return cleanText(value).replace(/\s+/g, ' ').trim();
}
