import {
  DateTimeFormatError,
  addMillis,
  parseCalendarDate,
  parseDeadline,
  parseInstant,
} from './time';

describe('parseDeadline', () => {
  it('reads a date alone as 23:59:59 that day in Asia/Ho_Chi_Minh (UTC+7)', () => {
    expect(parseDeadline('2026-12-31')).toBe('2026-12-31T16:59:59.000Z');
    expect(parseDeadline('2026-01-01')).toBe('2026-01-01T16:59:59.000Z');
  });

  it('has no daylight-saving shift in summer', () => {
    expect(parseDeadline('2026-07-15')).toBe('2026-07-15T16:59:59.000Z');
  });

  it('handles a leap day', () => {
    expect(parseDeadline('2028-02-29')).toBe('2028-02-29T16:59:59.000Z');
  });

  it.each([
    ['2026-12-31T23:59:59+07:00', '2026-12-31T16:59:59.000Z'],
    ['2026-12-31T16:59:59Z', '2026-12-31T16:59:59.000Z'],
    ['2026-12-31T16:59:59.250Z', '2026-12-31T16:59:59.250Z'],
    ['2026-12-31T09:00+07:00', '2026-12-31T02:00:00.000Z'],
    ['2026-12-31T09:00:00+0700', '2026-12-31T02:00:00.000Z'],
    ['2026-12-31T00:00:00-05:00', '2026-12-31T05:00:00.000Z'],
    ['2027-01-01T05:00:00+07:00', '2026-12-31T22:00:00.000Z'],
  ])('normalises the date-time %s to UTC %s', (input, expected) => {
    expect(parseDeadline(input)).toBe(expected);
  });

  it('refuses a date-time without an offset', () => {
    expect(() => parseDeadline('2026-12-31T23:59:59')).toThrow(DateTimeFormatError);
    expect(() => parseDeadline('2026-12-31T23:59:59')).toThrow(/no time zone offset/);
  });

  it.each([
    'next week',
    '',
    '31/12/2026',
    '2026-13-01',
    '2026-02-30',
    '2027-02-29',
    '2026-12-31T24:00:00Z',
    '2026-12-31T23:60:00Z',
    '2026-12-31T23:00:00+25:00',
    '2026-12-31 23:59:59+07:00',
  ])('refuses %j', (input) => {
    expect(() => parseDeadline(input)).toThrow(DateTimeFormatError);
  });

  it.each([[null], [undefined], [20261231], [{}]])('refuses the non-string %p', (input) => {
    expect(() => parseDeadline(input)).toThrow(DateTimeFormatError);
  });
});

describe('parseInstant', () => {
  it('does not accept a date alone (an instant needs a time)', () => {
    expect(() => parseInstant('2026-12-31')).toThrow(DateTimeFormatError);
  });
  it('returns UTC ISO', () => {
    expect(parseInstant('2026-03-01T09:00:00+07:00')).toBe('2026-03-01T02:00:00.000Z');
  });
});

describe('parseCalendarDate', () => {
  it('accepts a valid date and returns it', () => {
    expect(parseCalendarDate('2021-10-04')).toBe('2021-10-04');
  });
  it.each(['2021-10-32', '2021-1-4', '2021-10-04T00:00:00Z', 5])('refuses %p', (input) => {
    expect(() => parseCalendarDate(input)).toThrow(DateTimeFormatError);
  });
});

describe('addMillis', () => {
  it('adds exact milliseconds (30 days = 30 × 24 h)', () => {
    expect(addMillis('2026-03-01T02:00:00.000Z', 30 * 24 * 3600 * 1000)).toBe(
      '2026-03-31T02:00:00.000Z',
    );
  });
});
