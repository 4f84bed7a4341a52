/**
 * Legal documents (văn bản quy phạm pháp luật): types, number formats, dates.
 *
 * Number-format decisions (số, ký hiệu văn bản):
 * - Numbers are stored in one canonical form, produced by {@link normalizeDocumentNumber}: NFC,
 *   no spaces, ASCII "/" and "-", code letters upper case except the fixed spelling "TTg"
 *   (Thủ tướng), so "15/2018/nđ-cp", "15 / 2018 / NĐ – CP" and the decomposed form all become
 *   "15/2018/NĐ-CP". The Icelandic "Ð" (U+00D0), which looks identical to "Đ" (U+0110) and comes out
 *   of some legacy-font conversions, is read as Đ.
 * - Only correct spellings are accepted. "15/2018/ND-CP" (D for Đ) is refused with a message that
 *   gives the right spelling, rather than silently corrected: the number identifies a document and
 *   the person entering it should see and fix the mistake.
 * - Each type has its own shape (see NUMBER_RULES). Normative documents carry the year; some types
 *   also have non-normative documents without it ("1661/QĐ-TTg", "68/NQ-CP").
 */
import {
  documentDateProblem,
  isIsoDate,
  isoDateYear,
  MAX_DOCUMENT_YEAR,
  MIN_DOCUMENT_YEAR,
} from './dates';
import { FieldError, isAbsent, matchKey, normalizeSingleLine, readText, Validated } from './text';

export const LEGAL_DOCUMENT_TYPES = [
  'law',
  'ordinance',
  'resolution',
  'decree',
  'pm_decision',
  'circular',
  'joint_circular',
  'provincial_decision',
  'other',
] as const;

export type LegalDocumentType = (typeof LEGAL_DOCUMENT_TYPES)[number];

/** `label` is the full Vietnamese name; `shortLabel` is how the document is cited in text and search. */
export const LEGAL_DOCUMENT_TYPE_LABELS: Readonly<
  Record<LegalDocumentType, { label: string; shortLabel: string }>
> = {
  law: { label: 'Luật', shortLabel: 'Luật' },
  ordinance: { label: 'Pháp lệnh', shortLabel: 'Pháp lệnh' },
  resolution: { label: 'Nghị quyết', shortLabel: 'Nghị quyết' },
  decree: { label: 'Nghị định', shortLabel: 'Nghị định' },
  pm_decision: { label: 'Quyết định của Thủ tướng Chính phủ', shortLabel: 'Quyết định' },
  circular: { label: 'Thông tư', shortLabel: 'Thông tư' },
  joint_circular: { label: 'Thông tư liên tịch', shortLabel: 'Thông tư liên tịch' },
  provincial_decision: { label: 'Quyết định của Ủy ban nhân dân tỉnh', shortLabel: 'Quyết định' },
  other: { label: 'Khác', shortLabel: 'Văn bản' },
};

export const LEGAL_DOCUMENT_LIMITS = { number: 64, issuer: 255, title: 1000 } as const;

export function isLegalDocumentType(value: unknown): value is LegalDocumentType {
  return typeof value === 'string' && (LEGAL_DOCUMENT_TYPES as readonly string[]).includes(value);
}

// ---------------------------------------------------------------------------------------------
// Numbers

const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const SLASHES = /[\u2044\u2215\uFF0F]/g;

/**
 * The canonical form of a document number (see the file comment). Does not validate: a
 * normalised number may still be refused by {@link validateDocumentNumber}.
 */
export function normalizeDocumentNumber(input: string): string {
  // Already canonical, the common case in bulk imports: nothing to do.
  if (GENERAL_NUMBER.test(input) && !UPPER_TTG.test(input)) return input;
  return normalizeSingleLine(input)
    .replace(DASHES, '-')
    .replace(SLASHES, '/')
    .replace(/ *([/-]) */g, '$1')
    .toUpperCase()
    .replace(/\u00D0/g, 'Đ') // "Ð" (and "ð", upper-cased above) look like Đ but are not
    .replace(/(^|[-/])TTG(?=$|[-/])/g, '$1TTg')
    .normalize('NFC'); // upper-casing can decompose (e.g. Greek "ῢ"); stay NFC whatever came in
}

/** A code segment: upper-case letters (Đ included) and digits, or the fixed spelling "TTg". */
const SEG = '(?:TTg|[A-ZĐ0-9]+)';
/** An issuing body's code (BYT, BTC, NHNN, BLĐTBXH…): starts with a letter. */
const ISSUER = '[A-ZĐ][A-ZĐ0-9]*';
const GENERAL_NUMBER = new RegExp(`^(\\d{1,5})/(?:(\\d{4})/)?(${SEG}(?:-${SEG})*)$`);
const UPPER_TTG = /(^|[-/])TTG(?=$|[-/])/;

export interface ParsedDocumentNumber {
  /** As written, leading zeros kept ("01"). */
  serial: string;
  /** The year of issue, for numbers that carry it ("15/2018/NĐ-CP" → 2018), else null. */
  year: number | null;
  /** Everything after the serial and year: "NĐ-CP", "QĐ-TTg", "TTLT-BYT-BTC", "QH15". */
  code: string;
}

/**
 * Splits a number into serial, year and code, after normalisation; null when it does not have the
 * general shape `serial/[year/]CODE` shared by every type.
 */
export function parseDocumentNumber(number: string): ParsedDocumentNumber | null {
  const m = GENERAL_NUMBER.exec(normalizeDocumentNumber(number));
  // "15/2018" alone would read as serial 15 with code "2018": a code needs a letter.
  if (!m || !/[A-ZĐ]/i.test(m[3])) return null;
  return { serial: m[1], year: m[2] === undefined ? null : Number(m[2]), code: m[3] };
}

interface NumberVariant {
  year: 'required' | 'optional';
  code: RegExp;
}

interface NumberRule {
  /** "a decree", for messages. */
  noun: string;
  examples: readonly string[];
  variants: readonly NumberVariant[];
}

const re = (source: string) => new RegExp(source);

/**
 * Shapes per type. The legislature number after QH/UBTVQH is the National Assembly's term (khóa).
 * Resolutions come from many bodies: the National Assembly ("43/2022/QH15", no "NQ"), its Standing
 * Committee ("NQ-UBTVQH15"), the Government ("68/NQ-CP"), the Council of Judges ("NQ-HĐTP"),
 * provincial People's Councils ("NQ-HĐND"), or jointly ("NQLT-…").
 */
const NUMBER_RULES: Readonly<Record<LegalDocumentType, NumberRule>> = {
  law: {
    noun: 'a law',
    examples: ['64/2025/QH15'],
    variants: [{ year: 'required', code: /^QH\d{1,2}$/ }],
  },
  ordinance: {
    noun: 'an ordinance',
    examples: ['02/2022/UBTVQH15'],
    variants: [{ year: 'required', code: /^UBTVQH\d{1,2}$/ }],
  },
  resolution: {
    noun: 'a resolution',
    examples: ['68/NQ-CP', '01/2021/NQ-HĐTP', '43/2022/QH15'],
    variants: [
      { year: 'optional', code: re(`^NQ(?:-${SEG})+$`) },
      { year: 'optional', code: re(`^NQLT(?:-${ISSUER}){2,}$`) },
      { year: 'required', code: /^QH\d{1,2}$/ },
    ],
  },
  decree: {
    noun: 'a decree',
    examples: ['15/2018/NĐ-CP'],
    variants: [{ year: 'required', code: /^NĐ-CP$/ }],
  },
  pm_decision: {
    noun: "a Prime Minister's decision",
    examples: ['23/2021/QĐ-TTg', '1661/QĐ-TTg'],
    variants: [{ year: 'optional', code: /^QĐ-TTg$/ }],
  },
  circular: {
    noun: 'a circular',
    examples: ['01/2020/TT-BYT'],
    variants: [{ year: 'required', code: re(`^TT-${ISSUER}$`) }],
  },
  joint_circular: {
    noun: 'a joint circular',
    examples: ['05/2019/TTLT-BYT-BTC'],
    variants: [{ year: 'required', code: re(`^TTLT(?:-${ISSUER}){2,}$`) }],
  },
  provincial_decision: {
    noun: "a provincial People's Committee decision",
    examples: ['12/2021/QĐ-UBND', '1234/QĐ-UBND'],
    variants: [{ year: 'optional', code: re(`^QĐ-UBND(?:-${SEG})*$`) }],
  },
  other: {
    noun: 'a document',
    examples: ['7417/VPCP-KSTT'],
    variants: [{ year: 'optional', code: re(`^${SEG}(?:-${SEG})*$`) }],
  },
};

/**
 * Code segments people type with a plain D where the official spelling has Đ. Refused with the
 * correct spelling (a circular "TT-BGDDT" would otherwise pass as an unknown issuer code).
 */
const D_FOR_D_STROKE: Readonly<Record<string, string>> = {
  ND: 'NĐ',
  QD: 'QĐ',
  HDND: 'HĐND',
  HDTP: 'HĐTP',
  BGDDT: 'BGDĐT',
  BLDTBXH: 'BLĐTBXH',
};

function quoteList(values: readonly string[]): string {
  const quoted = values.map((v) => `"${v}"`);
  return quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}

function looksLike(rule: NumberRule): string {
  return `${rule.noun} number looks like ${quoteList(rule.examples)}`;
}

function fitsRule(parsed: ParsedDocumentNumber, rule: NumberRule): boolean {
  return rule.variants.some(
    (v) => v.code.test(parsed.code) && (v.year === 'optional' || parsed.year !== null),
  );
}

/**
 * The specific types (not `other`) whose number shape this number has; several for shared shapes
 * ("43/2022/QH15" is a law's or a National Assembly resolution's shape).
 */
export function guessDocumentTypes(number: string): LegalDocumentType[] {
  const parsed = parseDocumentNumber(number);
  if (!parsed) return [];
  return LEGAL_DOCUMENT_TYPES.filter((t) => t !== 'other' && fitsRule(parsed, NUMBER_RULES[t]));
}

/**
 * Errors (field `number`) for a document number of the given type; empty when valid. The number
 * is normalised first, so callers validate and then store `normalizeDocumentNumber(number)`. An
 * unknown type is checked against the general shape only (the type gets its own error). When
 * `issuedOn` is a valid ISO date, the year in the number must not be after its year.
 */
export function validateDocumentNumber(
  number: unknown,
  type: unknown,
  issuedOn?: unknown,
): FieldError[] {
  const fail = (message: string): FieldError[] => [{ field: 'number', message }];
  if (isAbsent(number)) return fail('is required');
  if (typeof number !== 'string') return fail('must be a string');
  const n = normalizeDocumentNumber(number);
  if (n === '') return fail('is required');
  if (n.length > LEGAL_DOCUMENT_LIMITS.number) {
    return fail(`must be at most ${LEGAL_DOCUMENT_LIMITS.number} characters`);
  }
  const rule = NUMBER_RULES[isLegalDocumentType(type) ? type : 'other'];
  if (!/^\d/.test(n)) {
    return fail(
      `must start with the serial number: ${looksLike(rule)} (write the number only, without "Số" or the document type)`,
    );
  }
  if (/\s/.test(n)) return fail(`must not contain spaces: ${looksLike(rule)}`);
  const parsed = parseDocumentNumber(n);
  if (!parsed) {
    if (/^\d{1,5}\/\d{2}\//.test(n)) {
      return fail(`the year must have four digits: ${looksLike(rule)}`);
    }
    return fail(looksLike(rule));
  }

  const errors: FieldError[] = [];
  if (/^0+$/.test(parsed.serial))
    errors.push({ field: 'number', message: 'the serial number must not be zero' });

  const segments = parsed.code.split('-');
  const misspelt = segments.filter((s) => D_FOR_D_STROKE[s] !== undefined);
  if (misspelt.length > 0) {
    const fixed = segments.map((s) => D_FOR_D_STROKE[s] ?? s).join('-');
    const corrected = [parsed.serial, parsed.year, fixed].filter((p) => p !== null).join('/');
    errors.push({
      field: 'number',
      message: `write "${corrected}": ${quoteList(misspelt.map((s) => D_FOR_D_STROKE[s]))} is spelled with Đ (D with stroke), not D`,
    });
  } else {
    const matching = rule.variants.filter((v) => v.code.test(parsed.code));
    if (matching.length === 0) {
      const others = guessDocumentTypes(n).filter((t) => t !== type);
      const hint =
        others.length > 0
          ? `; "${n}" looks like ${NUMBER_RULES[others[0]].noun} number: check the document type`
          : '';
      errors.push({ field: 'number', message: looksLike(rule) + hint });
    } else if (parsed.year === null && matching.every((v) => v.year === 'required')) {
      errors.push({
        field: 'number',
        message: `${rule.noun} number carries the year of issue, e.g. "${rule.examples.find((e) => /\/\d{4}\//.test(e)) ?? rule.examples[0]}"`,
      });
    }
  }

  if (parsed.year !== null) {
    if (parsed.year < MIN_DOCUMENT_YEAR || parsed.year > MAX_DOCUMENT_YEAR) {
      errors.push({
        field: 'number',
        message: `the year ${parsed.year} in the number is not plausible (${MIN_DOCUMENT_YEAR}–${MAX_DOCUMENT_YEAR})`,
      });
    } else if (isIsoDate(issuedOn) && parsed.year > isoDateYear(issuedOn)) {
      errors.push({
        field: 'number',
        message: `the year in the number (${parsed.year}) is after the issued date (${issuedOn})`,
      });
    }
  }
  return errors;
}

/** {@link validateDocumentNumber} for a `{number, type, issuedOn?}` object (e.g. a PATCH merged with the record). */
export function validateDocumentNumberFields(input: {
  number?: unknown;
  type?: unknown;
  issuedOn?: unknown;
}): FieldError[] {
  return validateDocumentNumber(input.number, input.type, input.issuedOn);
}

/**
 * The text a regulation's search matches for its document: the citation form, e.g.
 * "Nghị định 15/2018/NĐ-CP" or "Quyết định 1661/QĐ-TTg của Thủ tướng Chính phủ", so that
 * "nghi dinh 15" and "quyet dinh thu tuong 1661" both find it.
 */
export function documentSearchText(number: string, type: LegalDocumentType): string {
  const { label, shortLabel } = LEGAL_DOCUMENT_TYPE_LABELS[type];
  const base = `${shortLabel} ${normalizeDocumentNumber(number)}`;
  return type !== 'other' && label !== shortLabel && label.startsWith(shortLabel)
    ? `${base}${label.slice(shortLabel.length)}`
    : base;
}

// ---------------------------------------------------------------------------------------------
// Types from labels (import files write "Nghị định" or "nghi dinh" rather than "decree")

const TYPE_ALIASES: Readonly<Record<LegalDocumentType, readonly string[]>> = {
  law: ['Luật'],
  ordinance: ['Pháp lệnh'],
  resolution: ['Nghị quyết'],
  decree: ['Nghị định'],
  pm_decision: [
    'Quyết định của Thủ tướng',
    'Quyết định Thủ tướng Chính phủ',
    'Quyết định Thủ tướng',
    'QĐ-TTg',
  ],
  circular: ['Thông tư'],
  joint_circular: ['TTLT'],
  provincial_decision: [
    'Quyết định của UBND tỉnh',
    'Quyết định UBND tỉnh',
    'Quyết định của UBND',
    'Quyết định UBND',
    'QĐ-UBND',
  ],
  other: ['Văn bản khác', 'Văn bản'],
};

/** "Quyết định" alone: a Prime Minister's or a provincial decision, told apart by the number. */
const AMBIGUOUS_DECISION = new Set([matchKey('Quyết định'), matchKey('QĐ')]);

function buildTypeKeys(): Map<string, LegalDocumentType> {
  const keys = new Map<string, LegalDocumentType>();
  for (const type of LEGAL_DOCUMENT_TYPES) {
    const { label } = LEGAL_DOCUMENT_TYPE_LABELS[type];
    for (const name of [type, label, ...TYPE_ALIASES[type]]) {
      const key = matchKey(name);
      const existing = keys.get(key);
      if (existing !== undefined && existing !== type) {
        throw new Error(`document type alias "${name}" is ambiguous`);
      }
      keys.set(key, type);
    }
  }
  return keys;
}

const TYPE_KEYS = buildTypeKeys();

/**
 * Reads a document type written as its code ("decree") or a Vietnamese name ("Nghị định",
 * "nghi dinh", "Quyết định của Thủ tướng Chính phủ"), case- and diacritic-insensitively. "Quyết
 * định" alone is resolved from the number ("QĐ-TTg" or "QĐ-UBND") when one is given.
 */
export function matchDocumentType(
  input: string,
  number?: string,
): { ok: true; value: LegalDocumentType } | { ok: false; message: string } {
  const key = matchKey(input);
  if (key === '') return { ok: false, message: 'is required' };
  const type = TYPE_KEYS.get(key);
  if (type !== undefined) return { ok: true, value: type };
  if (AMBIGUOUS_DECISION.has(key)) {
    const guesses =
      number === undefined
        ? []
        : guessDocumentTypes(number).filter(
            (t) => t === 'pm_decision' || t === 'provincial_decision',
          );
    if (guesses.length === 1) return { ok: true, value: guesses[0] };
    return {
      ok: false,
      message: `"${normalizeSingleLine(input)}" is ambiguous: write "${LEGAL_DOCUMENT_TYPE_LABELS.pm_decision.label}" (pm_decision) or "${LEGAL_DOCUMENT_TYPE_LABELS.provincial_decision.label}" (provincial_decision)`,
    };
  }
  return {
    ok: false,
    message: `unknown document type "${normalizeSingleLine(input)}"; use one of: ${LEGAL_DOCUMENT_TYPES.map((t) => `${t} (${LEGAL_DOCUMENT_TYPE_LABELS[t].label})`).join(', ')}`,
  };
}

// ---------------------------------------------------------------------------------------------
// Dates and the whole document

export interface DocumentDates {
  issuedOn: string;
  effectiveOn: string;
  expiredOn?: string | null;
}

/**
 * Errors for the dates of a document: ISO calendar dates (years 1945–2100), issuedOn and
 * effectiveOn required, effectiveOn on or after issuedOn, expiredOn (optional; "" counts as
 * absent) after effectiveOn.
 */
export function validateDocumentDates(input: {
  issuedOn?: unknown;
  effectiveOn?: unknown;
  expiredOn?: unknown;
}): FieldError[] {
  const errors: FieldError[] = [];
  const check = (field: string, value: unknown, required: boolean): string | null => {
    if (isAbsent(value) || value === '') {
      if (required) errors.push({ field, message: 'is required' });
      return null;
    }
    const problem = documentDateProblem(value);
    if (problem !== null) {
      errors.push({ field, message: problem });
      return null;
    }
    return value as string;
  };
  const issuedOn = check('issuedOn', input.issuedOn, true);
  const effectiveOn = check('effectiveOn', input.effectiveOn, true);
  const expiredOn = check('expiredOn', input.expiredOn, false);
  if (issuedOn !== null && effectiveOn !== null && effectiveOn < issuedOn) {
    errors.push({
      field: 'effectiveOn',
      message: `must be on or after the issued date (${issuedOn})`,
    });
  }
  if (expiredOn !== null) {
    if (effectiveOn !== null && expiredOn <= effectiveOn) {
      errors.push({
        field: 'expiredOn',
        message: `must be after the effective date (${effectiveOn})`,
      });
    } else if (effectiveOn === null && issuedOn !== null && expiredOn <= issuedOn) {
      errors.push({ field: 'expiredOn', message: `must be after the issued date (${issuedOn})` });
    }
  }
  return errors;
}

/**
 * In force (còn hiệu lực) on a day: effective on or before it, and not yet expired. `expiredOn` is
 * the first day the document no longer applies.
 */
export function isInForce(
  doc: { effectiveOn: string; expiredOn?: string | null },
  onDate: string,
): boolean {
  return doc.effectiveOn <= onDate && (!doc.expiredOn || doc.expiredOn > onDate);
}

export interface LegalDocumentInput {
  number?: unknown;
  type?: unknown;
  issuer?: unknown;
  title?: unknown;
  issuedOn?: unknown;
  effectiveOn?: unknown;
  expiredOn?: unknown;
}

/** A validated, normalised legal document, ready to store. */
export interface LegalDocumentFields {
  number: string;
  type: LegalDocumentType;
  issuer: string;
  title: string;
  issuedOn: string;
  effectiveOn: string;
  expiredOn: string | null;
}

/**
 * Validates and normalises a whole document (a POST body, or a stored record merged with a PATCH).
 * Error fields are the input names: number, type, issuer, title, issuedOn, effectiveOn, expiredOn.
 */
export function validateLegalDocument(input: LegalDocumentInput): Validated<LegalDocumentFields> {
  const errors: FieldError[] = [];
  let type: LegalDocumentType | undefined;
  if (isAbsent(input.type) || input.type === '') {
    errors.push({ field: 'type', message: 'is required' });
  } else if (!isLegalDocumentType(input.type)) {
    errors.push({ field: 'type', message: `must be one of: ${LEGAL_DOCUMENT_TYPES.join(', ')}` });
  } else {
    type = input.type;
  }
  errors.push(...validateDocumentNumber(input.number, type, input.issuedOn));
  const issuer = readText(input.issuer, {
    required: true,
    maxLength: LEGAL_DOCUMENT_LIMITS.issuer,
  });
  if (!issuer.ok) errors.push({ field: 'issuer', message: issuer.message });
  const title = readText(input.title, { required: true, maxLength: LEGAL_DOCUMENT_LIMITS.title });
  if (!title.ok) errors.push({ field: 'title', message: title.message });
  errors.push(...validateDocumentDates(input));

  if (errors.length > 0 || !issuer.ok || !title.ok || type === undefined) {
    return { ok: false, errors };
  }
  const expiredOn = input.expiredOn;
  return {
    ok: true,
    value: {
      number: normalizeDocumentNumber(input.number as string),
      type,
      issuer: issuer.value as string,
      title: title.value as string,
      issuedOn: input.issuedOn as string,
      effectiveOn: input.effectiveOn as string,
      expiredOn: isAbsent(expiredOn) || expiredOn === '' ? null : (expiredOn as string),
    },
  };
}

/**
 * Identity of a document (number + issuer + issued date; numbers alone collide across issuers and
 * years). The issuer compares case-insensitively after normalisation, so "Bộ Y tế" and "Bộ y tế"
 * are one issuer; a unique index should use the same rule: (number, lower(issuer), issued_on).
 */
export function legalDocumentKey(doc: {
  number: string;
  issuer: string;
  issuedOn: string;
}): string {
  return [
    normalizeDocumentNumber(doc.number),
    normalizeSingleLine(doc.issuer).toLowerCase(),
    doc.issuedOn,
  ].join('\u0000');
}
