import {
  daysInMonth,
  documentDateProblem,
  formatIsoDate,
  isCalendarDate,
  isIsoDate,
  isLeapYear,
} from './dates';
import {
  foldVietnamese,
  matchKey,
  normalizeMultiline,
  normalizeSingleLine,
  readText,
  textLength,
} from './text';

describe('text normalisation', () => {
  it('makes NFC, single-spaced, trimmed text without invisible characters', () => {
    expect(normalizeSingleLine('  Thủ tục\u00A0tự\tcông\n bố\u200B ')).toBe('Thủ tục tự công bố');
    const nfd = 'Thủ tục'.normalize('NFD');
    expect(nfd).not.toBe('Thủ tục');
    expect(normalizeSingleLine(nfd)).toBe('Thủ tục');
    expect(normalizeSingleLine('a\u0007b\u00ADc')).toBe('abc');
  });

  it('keeps line breaks in multi-line text, at most one blank line', () => {
    expect(normalizeMultiline(' a  b \r\nc\r\r\r\rd \n')).toBe('a b\nc\n\nd');
  });

  it('folds case and diacritics like lower(unaccent())', () => {
    expect(foldVietnamese('Thủ tục Tự công bố sản phẩm')).toBe('thu tuc tu cong bo san pham');
    expect(foldVietnamese('ĐIỀU KIỆN')).toBe('dieu kien');
    expect(foldVietnamese('hoà')).toBe(foldVietnamese('hòa'));
    expect(foldVietnamese('Ủy')).toBe(foldVietnamese('Uỷ'));
    expect(matchKey('Số hiệu  văn-bản')).toBe('sohieuvanban');
    expect(matchKey('SoHieuVanBan')).toBe('sohieuvanban');
  });

  it('reads text inputs with required/optional and length rules', () => {
    expect(readText(undefined, { required: true, maxLength: 5 })).toEqual({
      ok: false,
      message: 'is required',
    });
    expect(readText(null, { required: false, maxLength: 5 })).toEqual({ ok: true, value: null });
    expect(readText('  ', { required: false, maxLength: 5 })).toEqual({ ok: true, value: null });
    expect(readText(3, { required: false, maxLength: 5 })).toEqual({
      ok: false,
      message: 'must be a string',
    });
    expect(readText('abcdef', { required: true, maxLength: 5 })).toEqual({
      ok: false,
      message: 'must be at most 5 characters',
    });
    expect(readText(' ab ', { required: true, maxLength: 5 })).toEqual({ ok: true, value: 'ab' });
    expect(textLength('😀ệ')).toBe(2);
  });
});

describe('dates', () => {
  it('knows leap years and month lengths', () => {
    expect([1900, 2000, 2020, 2021, 2100].map(isLeapYear)).toEqual([
      false,
      true,
      true,
      false,
      false,
    ]);
    expect(daysInMonth(2020, 2)).toBe(29);
    expect(daysInMonth(2021, 2)).toBe(28);
    expect(daysInMonth(2021, 4)).toBe(30);
    expect(daysInMonth(2021, 12)).toBe(31);
    expect(isCalendarDate(2021, 2, 29)).toBe(false);
    expect(isCalendarDate(2020, 13, 1)).toBe(false);
    expect(isCalendarDate(2020, 1, 0)).toBe(false);
  });

  it('accepts only real YYYY-MM-DD days', () => {
    expect(isIsoDate('2020-05-31')).toBe(true);
    expect(isIsoDate('2020-02-29')).toBe(true);
    expect(isIsoDate('2019-02-29')).toBe(false);
    expect(isIsoDate('2020-5-31')).toBe(false);
    expect(isIsoDate('2020-05-31T00:00:00Z')).toBe(false);
    expect(isIsoDate(new Date())).toBe(false);
    expect(formatIsoDate(987, 1, 2)).toBe('0987-01-02');
  });

  it('explains what is wrong with a document date', () => {
    expect(documentDateProblem('2020-05-31')).toBeNull();
    expect(documentDateProblem(null)).toBe('must be a date string such as "2020-05-31"');
    expect(documentDateProblem('2100-12-31')).toBeNull();
    expect(documentDateProblem('2101-01-01')).toContain('not plausible');
    expect(documentDateProblem('1944-12-31')).toContain('not plausible');
  });
});
