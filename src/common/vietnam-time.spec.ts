import { vietnamDate, vietnamDayNumber, vietnamEndOfDay, vietnamStartOfDay } from './vietnam-time';

describe('Vietnam time (UTC+7)', () => {
  it('gives the calendar day in Vietnam, which starts at 17:00 UTC the day before', () => {
    expect(vietnamDate(new Date('2026-12-31T16:59:59.999Z'))).toBe('2026-12-31');
    expect(vietnamDate(new Date('2026-12-31T17:00:00.000Z'))).toBe('2027-01-01');
    expect(
      vietnamDayNumber(new Date('2026-12-31T17:00:00Z')) -
        vietnamDayNumber(new Date('2026-12-31T16:59:59Z')),
    ).toBe(1);
  });

  it('gives the first and last instants of a Vietnamese day', () => {
    expect(vietnamStartOfDay('2026-03-05')).toBe('2026-03-04T17:00:00.000Z');
    expect(vietnamEndOfDay('2026-12-31')).toBe('2026-12-31T16:59:59.000Z');
  });
});
