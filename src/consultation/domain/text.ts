import { cleanText } from '../../common/clean-text';
import { FieldError } from '../../common/problem';

/** Control characters other than tab and newline have no place in plain text. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * Plain text from a request: NFC (Vietnamese typed on different keyboards compares equal), CRLF
 * as LF, trimmed, length counted in characters (code points), no control characters. The text is
 * stored and served as text, never interpreted as HTML.
 */
export function plainText(
  value: unknown,
  field: string,
  opts: { max: number; required: boolean },
  errors: FieldError[],
): string | null {
  if (value === undefined || value === null) {
    if (opts.required) errors.push({ field, message: 'is required' });
    return null;
  }
  if (typeof value !== 'string') {
    errors.push({ field, message: 'must be a string' });
    return null;
  }
  // Controls are refused (below); invisible and bidi characters are removed as everywhere else.
  const text = (CONTROL.test(value) ? value : cleanText(value)).replace(/\r\n?/g, '\n').trim();
  if (text === '') {
    if (opts.required) errors.push({ field, message: 'must not be empty' });
    return null;
  }
  if (CONTROL.test(text)) {
    errors.push({ field, message: 'must be plain text without control characters' });
    return null;
  }
  const length = [...text].length;
  if (length > opts.max) {
    errors.push({ field, message: `must be at most ${opts.max} characters (it has ${length})` });
    return null;
  }
  return text;
}

/** The first `max` characters of a text on one line, with an ellipsis when cut. */
export function excerpt(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const chars = [...line];
  return chars.length <= max ? line : `${chars.slice(0, max - 1).join('')}…`;
}
