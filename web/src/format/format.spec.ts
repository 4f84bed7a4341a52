import {
  formatDate,
  formatDateTime,
  formatDecimal,
  formatMoney,
  formatPercent,
  parseNumberInput,
  vietnamToday,
} from './index';

describe('Vietnamese formatting', () => {
  it('formats whole VND strings without a float, however large', () => {
    expect(formatMoney('23231250000')).toBe('23.231.250.000 ₫');
    expect(formatMoney('0')).toBe('0 ₫');
    expect(formatMoney('-19365340909')).toBe('-19.365.340.909 ₫');
    // Beyond Number.MAX_SAFE_INTEGER: digits kept exactly.
    expect(formatMoney('123456789012345678901')).toBe('123.456.789.012.345.678.901 ₫');
    expect(formatMoney(10n ** 18n)).toBe('1.000.000.000.000.000.000 ₫');
    expect(formatMoney(null)).toBe('—');
  });

  it('formats decimals with a comma and dotted thousands', () => {
    expect(formatDecimal('1935937.50')).toBe('1.935.937,50');
    expect(formatDecimal('30539.77')).toBe('30.539,77');
    expect(formatDecimal('0.2')).toBe('0,2');
    expect(formatDecimal('1935937.5', 2)).toBe('1.935.937,50');
    expect(formatDecimal(12000)).toBe('12.000');
    expect(formatDecimal('-0.00')).toBe('0,00');
    expect(formatPercent(83.36)).toBe('83,36 %');
    expect(formatPercent(20)).toBe('20,00 %');
  });

  it('shows dates in Vietnam time (UTC+7) as dd/mm/yyyy', () => {
    expect(formatDate('2026-12-31T17:30:00Z')).toBe('01/01/2027');
    expect(formatDate('2026-12-31T16:59:59Z')).toBe('31/12/2026');
    expect(formatDate('2026-03-05')).toBe('05/03/2026');
    expect(formatDateTime('2026-01-02T03:04:00Z')).toBe('02/01/2026 10:04');
    expect(vietnamToday(new Date('2026-06-30T18:00:00Z'))).toBe('2026-07-01');
    expect(formatDate(undefined)).toBe('—');
  });

  it('reads numbers as people type them', () => {
    expect(parseNumberInput('1.000.000', 'money')).toBe('1000000');
    expect(parseNumberInput('1.935.937,5', 'money')).toBe('1935937.5');
    expect(parseNumberInput('0,2')).toBe('0.2');
    expect(parseNumberInput('0.2')).toBe('0.2');
    expect(parseNumberInput('12 000')).toBe('12000');
    expect(parseNumberInput('1.000', 'quantity')).toBe('1.000');
    expect(parseNumberInput('500.000 ₫', 'money')).toBe('500000');
    expect(parseNumberInput('')).toBeNull();
    expect(parseNumberInput('abc')).toBeNull();
    expect(parseNumberInput('1,2,3')).toBeNull();
  });
});
