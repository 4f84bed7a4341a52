/**
 * Text helpers shared by the register's validators and the bulk import.
 *
 * Vietnamese text reaches us in several Unicode shapes: precomposed (NFC, "Unicode dựng sẵn") from
 * most keyboards, decomposed ("Unicode tổ hợp") from some Vietnamese input methods and Macs, with
 * non-breaking and zero-width spaces from Word and web pages. Everything stored is NFC with plain
 * spaces, so equal-looking strings compare equal (the one normaliser: common/clean-text.ts).
 */
import { cleanText } from '../../common/clean-text';
import type { FieldError } from '../../common/field-error';

/** One invalid field, as the HTTP layer reports it (400 `errors: [{field, message}]`). */
export type { FieldError } from '../../common/field-error';

/** The outcome of validating a whole payload: the normalised value, or every field error found. */
export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

const IRREGULAR_SPACE = /[^\S ]| {2}/;

/** NFC, no invisible or control characters, every whitespace run (newlines too) one space, trimmed. */
export function normalizeSingleLine(value: string): string {
  // Replacing is costly and most cells are already clean: test first (bulk imports call this a lot).
  let s = cleanText(value);
  if (IRREGULAR_SPACE.test(s)) s = s.replace(/\s+/g, ' ');
  return s.trim();
}

/** Like {@link normalizeSingleLine} but keeps line breaks (as LF; at most one blank line) for descriptions. */
export function normalizeMultiline(value: string): string {
  let s = cleanText(value);
  if (/\r|[^\S\n ]| {2}| \n|\n{3}/.test(s)) {
    s = s
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((line) => line.replace(/[^\S\n]+/g, ' ').trimEnd())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n');
  }
  return s.trim();
}

/**
 * Case- and diacritic-insensitive form, the same idea as Postgres `lower(unaccent(...))`:
 * "Thủ tục Tự công bố" and "thu tuc tu cong bo" fold alike; đ/Đ fold to d (they are letters of
 * their own, not d plus a mark, so stripping marks alone would keep them).
 */
export function foldVietnamese(value: string): string {
  return normalizeSingleLine(value)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/**
 * A lookup key for labels and column headers: folded, with everything but letters and digits
 * removed, so "Số hiệu văn bản", "so hieu  van-ban" and "SoHieuVanBan" are one key.
 */
export function matchKey(value: string): string {
  return foldVietnamese(value).replace(/[^a-z0-9]/g, '');
}

/** Reads an optional string input: undefined/null stay absent; anything else must be a string. */
export function isAbsent(value: unknown): value is undefined | null {
  return value === undefined || value === null;
}

/** Length in user-perceived characters would need ICU segmentation; code points are close enough. */
export function textLength(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

/**
 * Validates a required or optional single-line text input. Returns the normalised text, null when
 * an optional value is absent or blank, or an error message.
 */
export function readText(
  value: unknown,
  rule: { required: boolean; maxLength: number; multiline?: boolean },
): { ok: true; value: string | null } | { ok: false; message: string } {
  if (isAbsent(value)) {
    return rule.required ? { ok: false, message: 'is required' } : { ok: true, value: null };
  }
  if (typeof value !== 'string') return { ok: false, message: 'must be a string' };
  const text = rule.multiline ? normalizeMultiline(value) : normalizeSingleLine(value);
  if (text === '') {
    return rule.required ? { ok: false, message: 'is required' } : { ok: true, value: null };
  }
  // Code points never outnumber UTF-16 units: count only when it can matter.
  if (text.length > rule.maxLength && textLength(text) > rule.maxLength) {
    return { ok: false, message: `must be at most ${rule.maxLength} characters` };
  }
  return { ok: true, value: text };
}
