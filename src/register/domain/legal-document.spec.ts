import {
  documentSearchText,
  guessDocumentTypes,
  isInForce,
  isLegalDocumentType,
  LEGAL_DOCUMENT_TYPE_LABELS,
  LEGAL_DOCUMENT_TYPES,
  LegalDocumentType,
  legalDocumentKey,
  matchDocumentType,
  normalizeDocumentNumber,
  parseDocumentNumber,
  validateDocumentDates,
  validateDocumentNumber,
  validateDocumentNumberFields,
  validateLegalDocument,
} from './legal-document';

function messages(number: unknown, type: unknown, issuedOn?: unknown): string[] {
  return validateDocumentNumber(number, type, issuedOn).map((e) => {
    expect(e.field).toBe('number');
    return e.message;
  });
}
const valid = (number: string, type: LegalDocumentType, issuedOn?: string) =>
  expect(messages(number, type, issuedOn)).toEqual([]);
const refused = (number: string, type: LegalDocumentType, issuedOn?: string): string => {
  const m = messages(number, type, issuedOn);
  expect(m.length).toBeGreaterThan(0);
  return m.join(' | ');
};

describe('legal document types', () => {
  it('lists the nine codes with Vietnamese labels and short citation labels', () => {
    expect(LEGAL_DOCUMENT_TYPES).toEqual([
      'law',
      'ordinance',
      'resolution',
      'decree',
      'pm_decision',
      'circular',
      'joint_circular',
      'provincial_decision',
      'other',
    ]);
    expect(LEGAL_DOCUMENT_TYPE_LABELS.decree).toEqual({
      label: 'Nghị định',
      shortLabel: 'Nghị định',
    });
    expect(LEGAL_DOCUMENT_TYPE_LABELS.pm_decision.label).toBe('Quyết định của Thủ tướng Chính phủ');
    expect(LEGAL_DOCUMENT_TYPE_LABELS.provincial_decision.label).toBe(
      'Quyết định của Ủy ban nhân dân tỉnh',
    );
    expect(LEGAL_DOCUMENT_TYPE_LABELS.circular.shortLabel).toBe('Thông tư');
    for (const t of LEGAL_DOCUMENT_TYPES) {
      expect(LEGAL_DOCUMENT_TYPE_LABELS[t].label.normalize('NFC')).toBe(
        LEGAL_DOCUMENT_TYPE_LABELS[t].label,
      );
    }
  });

  it('recognises codes only', () => {
    expect(isLegalDocumentType('decree')).toBe(true);
    expect(isLegalDocumentType('Nghị định')).toBe(false);
    expect(isLegalDocumentType(undefined)).toBe(false);
    expect(isLegalDocumentType('toString')).toBe(false);
  });
});

describe('normalizeDocumentNumber', () => {
  it('keeps a correct number unchanged', () => {
    for (const n of [
      '15/2018/NĐ-CP',
      '23/2021/QĐ-TTg',
      '64/2025/QH15',
      '01/2020/TT-BYT',
      '7417/VPCP-KSTT',
    ]) {
      expect(normalizeDocumentNumber(n)).toBe(n);
    }
  });

  it('upper-cases the code, lower-case đ included, but keeps the spelling "TTg"', () => {
    expect(normalizeDocumentNumber('15/2018/nđ-cp')).toBe('15/2018/NĐ-CP');
    expect(normalizeDocumentNumber('1661/qđ-ttg')).toBe('1661/QĐ-TTg');
    expect(normalizeDocumentNumber('23/2021/QĐ-TTG')).toBe('23/2021/QĐ-TTg');
    expect(normalizeDocumentNumber('01/2020/tt-byt')).toBe('01/2020/TT-BYT');
    expect(normalizeDocumentNumber('13/CT-ttg')).toBe('13/CT-TTg');
    // Only a whole segment is the Prime Minister's "TTg".
    expect(normalizeDocumentNumber('5/2020/TT-TTGX')).toBe('5/2020/TT-TTGX');
  });

  it('turns decomposed (NFD) input into NFC', () => {
    const nfd = '15/2018/NĐ-CP'.normalize('NFD');
    const out = normalizeDocumentNumber(nfd);
    expect(out).toBe('15/2018/NĐ-CP');
    expect(out).toBe(out.normalize('NFC'));
    // Vowels with marks decompose; the result is NFC whatever came in.
    const withMarks = '12/2021/QĐ-UBND'.normalize('NFD') + ' ';
    expect(normalizeDocumentNumber(withMarks)).toBe('12/2021/QĐ-UBND');
  });

  it('reads the look-alike Ð/ð (U+00D0/U+00F0) as Đ', () => {
    expect(normalizeDocumentNumber('15/2018/N\u00D0-CP')).toBe('15/2018/NĐ-CP');
    expect(normalizeDocumentNumber('15/2018/n\u00F0-cp')).toBe('15/2018/NĐ-CP');
  });

  it('removes spaces around separators, invisible characters and typographic dashes and slashes', () => {
    expect(normalizeDocumentNumber('  15 / 2018 / NĐ - CP ')).toBe('15/2018/NĐ-CP');
    expect(normalizeDocumentNumber('15\u00A0/2018/NĐ\u2013CP')).toBe('15/2018/NĐ-CP');
    expect(normalizeDocumentNumber('15\u200B/2018\uFF0FNĐ\u2011CP')).toBe('15/2018/NĐ-CP');
    expect(normalizeDocumentNumber('15/2018/NĐ\u2212CP')).toBe('15/2018/NĐ-CP');
  });

  it('collapses, but keeps, other inner spaces (then refused by validation)', () => {
    expect(normalizeDocumentNumber('15/2018/NĐ   CP')).toBe('15/2018/NĐ CP');
  });
});

describe('parseDocumentNumber', () => {
  it('splits serial, year and code', () => {
    expect(parseDocumentNumber('15/2018/NĐ-CP')).toEqual({
      serial: '15',
      year: 2018,
      code: 'NĐ-CP',
    });
    expect(parseDocumentNumber('01/2020/TT-BYT')).toEqual({
      serial: '01',
      year: 2020,
      code: 'TT-BYT',
    });
    expect(parseDocumentNumber('1661/QĐ-TTg')).toEqual({
      serial: '1661',
      year: null,
      code: 'QĐ-TTg',
    });
    expect(parseDocumentNumber('64/2025/QH15')).toEqual({ serial: '64', year: 2025, code: 'QH15' });
    expect(parseDocumentNumber('05/2019/TTLT-BYT-BTC')).toEqual({
      serial: '05',
      year: 2019,
      code: 'TTLT-BYT-BTC',
    });
  });

  it('normalises first', () => {
    expect(parseDocumentNumber(' 68 / nq-cp ')).toEqual({
      serial: '68',
      year: null,
      code: 'NQ-CP',
    });
  });

  it('refuses what has no serial/[year/]CODE shape', () => {
    for (const n of [
      '',
      'NĐ-CP',
      '15/2018',
      '15',
      '15/2018/',
      '/2018/NĐ-CP',
      '123456/2018/NĐ-CP',
      '15/2018/NĐ--CP',
      '15/2018/NĐ-CP/',
    ]) {
      expect(parseDocumentNumber(n)).toBeNull();
    }
  });
});

describe('validateDocumentNumber', () => {
  it('accepts the real examples for their types', () => {
    valid('15/2018/NĐ-CP', 'decree');
    valid('23/2021/QĐ-TTg', 'pm_decision');
    valid('1661/QĐ-TTg', 'pm_decision');
    valid('64/2025/QH15', 'law');
    valid('01/2020/TT-BYT', 'circular');
    valid('68/NQ-CP', 'resolution');
    valid('66/NQ-CP', 'resolution');
    valid('7417/VPCP-KSTT', 'other');
  });

  it('law: serial/year/QH + legislature term', () => {
    valid('59/2020/QH14', 'law');
    valid('55/2010/QH12', 'law');
    expect(refused('64/QH15', 'law')).toContain(
      'a law number carries the year of issue, e.g. "64/2025/QH15"',
    );
    expect(refused('64/2025/NĐ-CP', 'law')).toContain('a law number looks like "64/2025/QH15"');
    refused('64/2025/QH', 'law');
    refused('64/2025/QH151', 'law');
  });

  it('ordinance: serial/year/UBTVQH + term', () => {
    valid('02/2022/UBTVQH15', 'ordinance');
    expect(refused('02/UBTVQH15', 'ordinance')).toContain('carries the year');
    expect(refused('02/2022/QH15', 'ordinance')).toContain(
      'an ordinance number looks like "02/2022/UBTVQH15"',
    );
  });

  it('resolution: Government and other bodies, with or without the year, and the National Assembly', () => {
    valid('68/NQ-CP', 'resolution');
    valid('02/NQ-CP', 'resolution');
    valid('01/2021/NQ-HĐTP', 'resolution');
    valid('1111/2011/NQ-UBTVQH12', 'resolution');
    valid('20/2023/NQ-HĐND', 'resolution');
    valid('43/2022/QH15', 'resolution');
    valid('01/2016/NQLT-CP-UBTƯMTTQVN'.replace('Ư', 'U'), 'resolution');
    expect(refused('43/QH15', 'resolution')).toContain('carries the year');
    expect(refused('68/NĐ-CP', 'resolution')).toContain(
      'a resolution number looks like "68/NQ-CP", "01/2021/NQ-HĐTP" or "43/2022/QH15"',
    );
    refused('68/NQ', 'resolution');
  });

  it('decree: serial/year/NĐ-CP only', () => {
    valid('15/2018/NĐ-CP', 'decree');
    valid('08/2018/NĐ-CP', 'decree');
    expect(refused('15/NĐ-CP', 'decree')).toBe(
      'a decree number carries the year of issue, e.g. "15/2018/NĐ-CP"',
    );
    expect(refused('15/2018/TT-BYT', 'decree')).toBe(
      'a decree number looks like "15/2018/NĐ-CP"; "15/2018/TT-BYT" looks like a circular number: check the document type',
    );
    refused('15/2018/NĐ-BYT', 'decree');
    refused('15/2018/NĐ', 'decree');
  });

  it('pm_decision: normative with the year, or non-normative without', () => {
    valid('23/2021/QĐ-TTg', 'pm_decision');
    valid('1661/QĐ-TTg', 'pm_decision');
    valid('1661/qđ-ttg', 'pm_decision');
    expect(refused('1661/QĐ-UBND', 'pm_decision')).toContain(
      `a Prime Minister's decision number looks like "23/2021/QĐ-TTg" or "1661/QĐ-TTg"`,
    );
    expect(refused('1661/QĐ-UBND', 'pm_decision')).toContain('looks like a provincial');
    refused('1661/QĐ-BYT', 'pm_decision');
  });

  it('circular: serial/year/TT-issuer', () => {
    valid('01/2020/TT-BYT', 'circular');
    valid('36/2018/TT-BTC', 'circular');
    valid('12/2022/TT-NHNN', 'circular');
    valid('10/2023/TT-BLĐTBXH', 'circular');
    valid('32/2020/TT-BGDĐT', 'circular');
    expect(refused('01/TT-BYT', 'circular')).toContain('a circular number carries the year');
    expect(refused('01/2020/TT-BYT-BTC', 'circular')).toContain('looks like "01/2020/TT-BYT"');
    expect(refused('05/2019/TTLT-BYT-BTC', 'circular')).toContain(
      'looks like a joint circular number',
    );
    refused('01/2020/TT', 'circular');
    refused('01/2020/TT-1BYT', 'circular');
  });

  it('joint_circular: serial/year/TTLT and at least two issuers', () => {
    valid('05/2019/TTLT-BYT-BTC', 'joint_circular');
    valid('01/2014/TTLT-BTP-TANDTC-VKSNDTC', 'joint_circular');
    expect(refused('05/2019/TTLT-BYT', 'joint_circular')).toContain(
      'a joint circular number looks like "05/2019/TTLT-BYT-BTC"',
    );
    expect(refused('05/TTLT-BYT-BTC', 'joint_circular')).toContain('carries the year');
  });

  it('provincial_decision: QĐ-UBND with or without the year', () => {
    valid('12/2021/QĐ-UBND', 'provincial_decision');
    valid('1234/QĐ-UBND', 'provincial_decision');
    expect(refused('12/2021/QĐ-TTg', 'provincial_decision')).toContain(
      `a provincial People's Committee decision number looks like "12/2021/QĐ-UBND" or "1234/QĐ-UBND"`,
    );
  });

  it('other: any serial/[year/]CODE', () => {
    valid('7417/VPCP-KSTT', 'other');
    valid('13/CT-TTg', 'other');
    valid('123/TB-VPCP', 'other');
    valid('45/2019/QĐ-BYT', 'other');
    expect(refused('VPCP-KSTT', 'other')).toContain('must start with the serial number');
    expect(refused('7417', 'other')).toContain('a document number looks like "7417/VPCP-KSTT"');
  });

  it('accepts lower-case đ and decomposed input (it validates the normal form)', () => {
    valid('15/2018/nđ-cp', 'decree');
    valid('15/2018/NĐ-CP'.normalize('NFD'), 'decree');
    valid(' 12 / 2021 / qđ - ubnd ', 'provincial_decision');
  });

  it('refuses D for Đ and shows the right spelling', () => {
    expect(refused('15/2018/ND-CP', 'decree')).toBe(
      'write "15/2018/NĐ-CP": "NĐ" is spelled with Đ (D with stroke), not D',
    );
    expect(refused('1661/QD-TTg', 'pm_decision')).toContain('write "1661/QĐ-TTg"');
    expect(refused('12/2021/QD-UBND', 'provincial_decision')).toContain('write "12/2021/QĐ-UBND"');
    expect(refused('32/2020/TT-BGDDT', 'circular')).toContain('write "32/2020/TT-BGDĐT"');
    expect(refused('20/2023/NQ-HDND', 'resolution')).toContain('write "20/2023/NQ-HĐND"');
  });

  it('accepts 1–5 digit serials with leading zeros, not zero and not six digits', () => {
    valid('1/2018/NĐ-CP', 'decree');
    valid('001/2018/NĐ-CP', 'decree');
    valid('12345/QĐ-TTg', 'pm_decision');
    expect(refused('0/2018/NĐ-CP', 'decree')).toBe('the serial number must not be zero');
    expect(refused('00/2018/NĐ-CP', 'decree')).toBe('the serial number must not be zero');
    refused('123456/QĐ-TTg', 'pm_decision');
  });

  it('wants a four-digit year between 1945 and 2100', () => {
    valid('1/1945/NĐ-CP', 'decree');
    valid('1/2100/NĐ-CP', 'decree');
    expect(refused('15/18/NĐ-CP', 'decree')).toContain('the year must have four digits');
    expect(refused('1/1944/NĐ-CP', 'decree')).toBe(
      'the year 1944 in the number is not plausible (1945–2100)',
    );
    expect(refused('1/2101/NĐ-CP', 'decree')).toContain('not plausible');
  });

  it('refuses a year after the issued date, accepts the same or an earlier year', () => {
    valid('15/2018/NĐ-CP', 'decree', '2018-02-02');
    valid('15/2018/NĐ-CP', 'decree', '2019-01-01');
    expect(refused('15/2018/NĐ-CP', 'decree', '2017-12-31')).toBe(
      'the year in the number (2018) is after the issued date (2017-12-31)',
    );
    // An invalid issued date is reported on its own field, not here.
    valid('15/2018/NĐ-CP', 'decree', '2017-13-01');
    valid('1661/QĐ-TTg', 'pm_decision', '1999-01-01');
  });

  it('refuses spaces, prefixes, non-strings and over-long numbers', () => {
    expect(refused('15/2018/NĐ CP', 'decree')).toContain('must not contain spaces');
    expect(refused('Số 15/2018/NĐ-CP', 'decree')).toContain('without "Số" or the document type');
    expect(refused('Nghị định 15/2018/NĐ-CP', 'decree')).toContain(
      'must start with the serial number',
    );
    expect(messages(15, 'decree')).toEqual(['must be a string']);
    expect(messages(undefined, 'decree')).toEqual(['is required']);
    expect(messages(null, 'decree')).toEqual(['is required']);
    expect(messages('   ', 'decree')).toEqual(['is required']);
    expect(messages(`1/2020/TT-${'B'.repeat(60)}`, 'circular')).toEqual([
      'must be at most 64 characters',
    ]);
  });

  it('also takes a {number, type, issuedOn} object', () => {
    expect(validateDocumentNumberFields({ number: '15/2018/NĐ-CP', type: 'decree' })).toEqual([]);
    expect(
      validateDocumentNumberFields({
        number: '15/2018/NĐ-CP',
        type: 'decree',
        issuedOn: '2017-01-01',
      }),
    ).toEqual([
      {
        field: 'number',
        message: 'the year in the number (2018) is after the issued date (2017-01-01)',
      },
    ]);
    expect(validateDocumentNumberFields({ type: 'decree' })).toEqual([
      { field: 'number', message: 'is required' },
    ]);
  });

  it('reports several problems of one number together', () => {
    expect(messages('0/2018/TT-BYT', 'decree', '2017-05-01')).toEqual([
      'the serial number must not be zero',
      'a decree number looks like "15/2018/NĐ-CP"; "0/2018/TT-BYT" looks like a circular number: check the document type',
      'the year in the number (2018) is after the issued date (2017-05-01)',
    ]);
  });

  it('checks an unknown type against the general shape only', () => {
    expect(messages('15/2018/NĐ-CP', 'nonsense')).toEqual([]);
    expect(messages('15/2018/NĐ-CP', undefined)).toEqual([]);
    expect(messages('abc', undefined)[0]).toContain('must start with the serial number');
  });
});

describe('guessDocumentTypes', () => {
  it('names the specific types whose shape fits', () => {
    expect(guessDocumentTypes('15/2018/NĐ-CP')).toEqual(['decree']);
    expect(guessDocumentTypes('43/2022/QH15')).toEqual(['law', 'resolution']);
    expect(guessDocumentTypes('1661/QĐ-TTg')).toEqual(['pm_decision']);
    expect(guessDocumentTypes('7417/VPCP-KSTT')).toEqual([]);
    expect(guessDocumentTypes('nonsense')).toEqual([]);
  });
});

describe('matchDocumentType', () => {
  const ok = (input: string, number?: string) => {
    const r = matchDocumentType(input, number);
    if (!r.ok) throw new Error(r.message);
    return r.value;
  };
  it('reads codes and Vietnamese names, case- and diacritic-insensitively', () => {
    expect(ok('decree')).toBe('decree');
    expect(ok('Nghị định')).toBe('decree');
    expect(ok('nghi dinh')).toBe('decree');
    expect(ok('NGHỊ ĐỊNH')).toBe('decree');
    expect(ok('Thông tư liên tịch')).toBe('joint_circular');
    expect(ok('thong tu')).toBe('circular');
    expect(ok('Quyết định của Thủ tướng Chính phủ')).toBe('pm_decision');
    expect(ok('Quyết định của Uỷ ban nhân dân tỉnh')).toBe('provincial_decision'); // old tone placement
    expect(ok('Quyết định của UBND tỉnh')).toBe('provincial_decision');
    expect(ok('Pháp lệnh')).toBe('ordinance');
    expect(ok('LUẬT')).toBe('law');
    expect(ok('Nghị quyết')).toBe('resolution');
    expect(ok('Khác')).toBe('other');
    expect(ok('pm_decision')).toBe('pm_decision');
    expect(ok('Nghị định'.normalize('NFD'))).toBe('decree');
  });

  it('resolves "Quyết định" alone from the number', () => {
    expect(ok('Quyết định', '1661/QĐ-TTg')).toBe('pm_decision');
    expect(ok('quyet dinh', '12/2021/QĐ-UBND')).toBe('provincial_decision');
    const r = matchDocumentType('Quyết định', '45/2019/QĐ-BYT');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('is ambiguous');
    expect(matchDocumentType('Quyết định').ok).toBe(false);
  });

  it('explains unknown and blank input', () => {
    const r = matchDocumentType('Công văn');
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.message).toMatch(/^unknown document type "Công văn"; use one of: law \(Luật\)/);
    expect(matchDocumentType('  ')).toEqual({ ok: false, message: 'is required' });
  });
});

describe('documentSearchText', () => {
  it('is the citation form used by search', () => {
    expect(documentSearchText('15/2018/NĐ-CP', 'decree')).toBe('Nghị định 15/2018/NĐ-CP');
    expect(documentSearchText('01/2020/tt-byt', 'circular')).toBe('Thông tư 01/2020/TT-BYT');
    expect(documentSearchText('1661/QĐ-TTg', 'pm_decision')).toBe(
      'Quyết định 1661/QĐ-TTg của Thủ tướng Chính phủ',
    );
    expect(documentSearchText('12/2021/QĐ-UBND', 'provincial_decision')).toBe(
      'Quyết định 12/2021/QĐ-UBND của Ủy ban nhân dân tỉnh',
    );
    expect(documentSearchText('64/2025/QH15', 'law')).toBe('Luật 64/2025/QH15');
    expect(documentSearchText('7417/VPCP-KSTT', 'other')).toBe('Văn bản 7417/VPCP-KSTT');
  });
});

describe('validateDocumentDates', () => {
  const fields = (input: Parameters<typeof validateDocumentDates>[0]) =>
    validateDocumentDates(input).map((e) => `${e.field}: ${e.message}`);

  it('accepts real dates in order, expiry optional', () => {
    expect(fields({ issuedOn: '2018-02-02', effectiveOn: '2018-02-02' })).toEqual([]);
    expect(
      fields({ issuedOn: '2020-05-12', effectiveOn: '2020-07-01', expiredOn: '2025-12-31' }),
    ).toEqual([]);
    expect(fields({ issuedOn: '2020-02-29', effectiveOn: '2020-02-29', expiredOn: null })).toEqual(
      [],
    );
    expect(fields({ issuedOn: '2020-02-29', effectiveOn: '2020-03-01', expiredOn: '' })).toEqual(
      [],
    );
  });

  it('requires issued and effective dates', () => {
    expect(fields({})).toEqual(['issuedOn: is required', 'effectiveOn: is required']);
  });

  it('refuses dates that are not real calendar days or not ISO', () => {
    expect(fields({ issuedOn: '2019-02-29', effectiveOn: '2021-04-31' })).toEqual([
      'issuedOn: 2019-02-29 is not a real calendar date',
      'effectiveOn: 2021-04-31 is not a real calendar date',
    ]);
    expect(fields({ issuedOn: '1900-02-29', effectiveOn: '2000-02-29' })[0]).toBe(
      'issuedOn: 1900-02-29 is not a real calendar date',
    );
    expect(fields({ issuedOn: '31/05/2020', effectiveOn: '2020-5-31' })).toEqual([
      'issuedOn: must be a date in the form YYYY-MM-DD, such as "2020-05-31"',
      'effectiveOn: must be a date in the form YYYY-MM-DD, such as "2020-05-31"',
    ]);
    expect(fields({ issuedOn: '2020-05-31T00:00:00Z', effectiveOn: 20200531 })).toHaveLength(2);
    expect(fields({ issuedOn: '1900-01-01', effectiveOn: '2020-01-01' })).toEqual([
      'issuedOn: the year 1900 is not plausible (1945–2100)',
    ]);
  });

  it('wants effectiveOn on or after issuedOn, expiredOn after effectiveOn', () => {
    expect(fields({ issuedOn: '2020-05-12', effectiveOn: '2020-05-11' })).toEqual([
      'effectiveOn: must be on or after the issued date (2020-05-12)',
    ]);
    expect(
      fields({ issuedOn: '2020-05-12', effectiveOn: '2020-06-01', expiredOn: '2020-06-01' }),
    ).toEqual(['expiredOn: must be after the effective date (2020-06-01)']);
    expect(
      fields({ issuedOn: '2020-05-12', effectiveOn: '2020-06-01', expiredOn: '2020-06-02' }),
    ).toEqual([]);
    // With the effective date unusable, the expiry is still checked against the issued date.
    expect(fields({ issuedOn: '2020-05-12', effectiveOn: 'x', expiredOn: '2020-05-12' })).toEqual([
      'effectiveOn: must be a date in the form YYYY-MM-DD, such as "2020-05-31"',
      'expiredOn: must be after the issued date (2020-05-12)',
    ]);
  });
});

describe('isInForce', () => {
  const doc = { effectiveOn: '2020-07-01', expiredOn: '2025-01-01' };
  it('is in force from the effective day to the day before expiry', () => {
    expect(isInForce(doc, '2020-06-30')).toBe(false);
    expect(isInForce(doc, '2020-07-01')).toBe(true);
    expect(isInForce(doc, '2024-12-31')).toBe(true);
    expect(isInForce(doc, '2025-01-01')).toBe(false);
    expect(isInForce(doc, '2030-01-01')).toBe(false);
  });
  it('stays in force without an expiry date', () => {
    expect(isInForce({ effectiveOn: '2018-02-02' }, '2020-05-31')).toBe(true);
    expect(isInForce({ effectiveOn: '2018-02-02', expiredOn: null }, '2099-01-01')).toBe(true);
    expect(isInForce({ effectiveOn: '2020-06-01', expiredOn: null }, '2020-05-31')).toBe(false);
  });
  it('matches the NQ68 baseline date (2020-05-31)', () => {
    expect(isInForce({ effectiveOn: '2020-05-31' }, '2020-05-31')).toBe(true);
    expect(isInForce({ effectiveOn: '2018-01-01', expiredOn: '2020-05-31' }, '2020-05-31')).toBe(
      false,
    );
    expect(isInForce({ effectiveOn: '2018-01-01', expiredOn: '2020-06-01' }, '2020-05-31')).toBe(
      true,
    );
  });
});

describe('validateLegalDocument', () => {
  const decree = {
    number: '15/2018/nđ-cp',
    type: 'decree',
    issuer: '  Chính\u00A0phủ ',
    title: 'Nghị định quy định chi tiết thi hành một số điều của Luật An toàn thực phẩm'.normalize(
      'NFD',
    ),
    issuedOn: '2018-02-02',
    effectiveOn: '2018-02-02',
  };

  it('normalises a valid document', () => {
    expect(validateLegalDocument(decree)).toEqual({
      ok: true,
      value: {
        number: '15/2018/NĐ-CP',
        type: 'decree',
        issuer: 'Chính phủ',
        title: 'Nghị định quy định chi tiết thi hành một số điều của Luật An toàn thực phẩm',
        issuedOn: '2018-02-02',
        effectiveOn: '2018-02-02',
        expiredOn: null,
      },
    });
  });

  it('reports every bad field', () => {
    const r = validateLegalDocument({
      number: '15/2018/NĐ-CP',
      type: 'Nghị định',
      issuer: '',
      title: 'x'.repeat(1001),
      issuedOn: '2017-02-02',
      effectiveOn: '2017-02-01',
      expiredOn: '2017-01-01',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.field)).toEqual([
      'type',
      'number',
      'issuer',
      'title',
      'effectiveOn',
      'expiredOn',
    ]);
    expect(r.errors[0].message).toBe(
      'must be one of: law, ordinance, resolution, decree, pm_decision, circular, joint_circular, provincial_decision, other',
    );
  });

  it('checks the number against the type and the issued date', () => {
    const r = validateLegalDocument({
      ...decree,
      issuedOn: '2017-12-30',
      effectiveOn: '2018-01-01',
    });
    expect(r).toEqual({
      ok: false,
      errors: [
        {
          field: 'number',
          message: 'the year in the number (2018) is after the issued date (2017-12-30)',
        },
      ],
    });
    const missing = validateLegalDocument({});
    expect(missing.ok).toBe(false);
    if (!missing.ok) {
      expect(missing.errors.map((e) => e.field)).toEqual([
        'type',
        'number',
        'issuer',
        'title',
        'issuedOn',
        'effectiveOn',
      ]);
    }
  });

  it('keeps an expiry date, and reads "" as none', () => {
    const r = validateLegalDocument({ ...decree, expiredOn: '2030-01-01' });
    expect(r.ok && r.value.expiredOn).toBe('2030-01-01');
    const blank = validateLegalDocument({ ...decree, expiredOn: '' });
    expect(blank.ok && blank.value.expiredOn).toBeNull();
  });
});

describe('legalDocumentKey', () => {
  it('identifies a document by number, issuer and issued date', () => {
    const a = legalDocumentKey({
      number: '15/2018/NĐ-CP',
      issuer: 'Chính phủ',
      issuedOn: '2018-02-02',
    });
    expect(
      legalDocumentKey({ number: '15/2018/nđ-cp', issuer: ' chính  phủ', issuedOn: '2018-02-02' }),
    ).toBe(a);
    expect(
      legalDocumentKey({ number: '15/2018/NĐ-CP', issuer: 'Chính phủ', issuedOn: '2018-02-03' }),
    ).not.toBe(a);
    expect(
      legalDocumentKey({ number: '15/2018/NĐ-CP', issuer: 'Bộ Y tế', issuedOn: '2018-02-02' }),
    ).not.toBe(a);
  });
});
