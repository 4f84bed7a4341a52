import fc from 'fast-check';
import { formatIsoDate } from './dates';
import {
  isInForce,
  LegalDocumentType,
  normalizeDocumentNumber,
  parseDocumentNumber,
  validateDocumentNumber,
} from './legal-document';
import { foldVietnamese, normalizeSingleLine } from './text';

const serial = fc
  .tuple(fc.integer({ min: 1, max: 99999 }), fc.boolean())
  .map(([n, pad]) => (pad && n < 10 ? `0${n}` : String(n)));
const year = fc.integer({ min: 1945, max: 2100 });
const issuer = fc.constantFrom('BYT', 'BTC', 'NHNN', 'BLĐTBXH', 'BGDĐT', 'BCT', 'BNNPTNT', 'BTTTT');
const term = fc.integer({ min: 1, max: 15 });

/** Correct numbers of each type, built independently of the validator's patterns. */
const validNumber: fc.Arbitrary<[LegalDocumentType, string]> = fc.oneof(
  fc
    .tuple(serial, year, term)
    .map(([s, y, t]) => ['law', `${s}/${y}/QH${t}`] as [LegalDocumentType, string]),
  fc
    .tuple(serial, year, term)
    .map(([s, y, t]) => ['ordinance', `${s}/${y}/UBTVQH${t}`] as [LegalDocumentType, string]),
  fc
    .tuple(serial, year)
    .map(([s, y]) => ['decree', `${s}/${y}/NĐ-CP`] as [LegalDocumentType, string]),
  fc
    .tuple(serial, fc.option(year))
    .map(
      ([s, y]) =>
        ['pm_decision', y === null ? `${s}/QĐ-TTg` : `${s}/${y}/QĐ-TTg`] as [
          LegalDocumentType,
          string,
        ],
    ),
  fc
    .tuple(serial, year, issuer)
    .map(([s, y, i]) => ['circular', `${s}/${y}/TT-${i}`] as [LegalDocumentType, string]),
  fc
    .tuple(serial, year, fc.uniqueArray(issuer, { minLength: 2, maxLength: 4 }))
    .map(
      ([s, y, is]) =>
        ['joint_circular', `${s}/${y}/TTLT-${is.join('-')}`] as [LegalDocumentType, string],
    ),
  fc
    .tuple(serial, fc.option(year))
    .map(
      ([s, y]) =>
        ['provincial_decision', y === null ? `${s}/QĐ-UBND` : `${s}/${y}/QĐ-UBND`] as [
          LegalDocumentType,
          string,
        ],
    ),
  fc
    .tuple(serial, fc.option(year), fc.constantFrom('CP', 'HĐND', 'HĐTP', 'UBTVQH15'))
    .map(
      ([s, y, b]) =>
        ['resolution', y === null ? `${s}/NQ-${b}` : `${s}/${y}/NQ-${b}`] as [
          LegalDocumentType,
          string,
        ],
    ),
  fc
    .tuple(serial, fc.constantFrom('VPCP-KSTT', 'CT-TTg', 'TB-VPCP', 'BYT-KHTC'))
    .map(([s, c]) => ['other', `${s}/${c}`] as [LegalDocumentType, string]),
);

/** The ways people write a correct number: other case, decomposed, spaces around separators. */
const mangle = (n: string, lower: boolean, nfd: boolean, spaced: boolean) => {
  let s = lower ? n.toLowerCase() : n;
  if (spaced) s = ` ${s.replace(/\//g, ' / ').replace(/-/g, ' – ')} `;
  return nfd ? s.normalize('NFD') : s;
};

describe('document numbers (properties)', () => {
  it('every correct number of a type is valid, and is its own normal form', () => {
    fc.assert(
      fc.property(validNumber, ([type, number]) => {
        expect(validateDocumentNumber(number, type)).toEqual([]);
        expect(normalizeDocumentNumber(number)).toBe(number);
      }),
    );
  });

  it('case, NFD and spacing variants normalise to the same number and stay valid', () => {
    fc.assert(
      fc.property(
        validNumber,
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        ([type, number], lower, nfd, spaced) => {
          const written = mangle(number, lower, nfd, spaced);
          expect(normalizeDocumentNumber(written)).toBe(number);
          expect(validateDocumentNumber(written, type)).toEqual([]);
        },
      ),
    );
  });

  it('a parsed number joins back to its normal form', () => {
    fc.assert(
      fc.property(validNumber, ([, number]) => {
        const p = parseDocumentNumber(number);
        expect(p).not.toBeNull();
        if (p === null) return;
        expect([p.serial, p.year, p.code].filter((x) => x !== null).join('/')).toBe(number);
      }),
    );
  });

  it('normalisation is idempotent and yields NFC for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        const once = normalizeDocumentNumber(s);
        expect(normalizeDocumentNumber(once)).toBe(once);
        expect(once.normalize('NFC')).toBe(once);
        expect(foldVietnamese(foldVietnamese(s))).toBe(foldVietnamese(s));
        expect(normalizeSingleLine(normalizeSingleLine(s))).toBe(normalizeSingleLine(s));
      }),
    );
  });

  it('the validator never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (n, t, d) => {
        expect(Array.isArray(validateDocumentNumber(n, t, d))).toBe(true);
      }),
    );
  });
});

describe('isInForce (properties)', () => {
  const day = fc
    .integer({ min: Date.UTC(1990, 0, 1) / 86_400_000, max: Date.UTC(2040, 0, 1) / 86_400_000 })
    .map((d) => {
      const date = new Date(d * 86_400_000);
      return formatIsoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
    });
  it('holds exactly on the days of [effectiveOn, expiredOn)', () => {
    fc.assert(
      fc.property(day, fc.option(day), day, (effectiveOn, expiredOn, onDate) => {
        const expected =
          Date.parse(effectiveOn) <= Date.parse(onDate) &&
          (expiredOn === null || Date.parse(onDate) < Date.parse(expiredOn));
        expect(isInForce({ effectiveOn, expiredOn }, onDate)).toBe(expected);
      }),
    );
  });
});
