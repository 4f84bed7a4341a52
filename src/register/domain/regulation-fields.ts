/**
 * Fields of a business regulation (quy định kinh doanh) other than its legal document: category,
 * sector, provision, administrative-procedure code, subject types.
 *
 * Procedure-code decision (mã TTHC): only the current national format is accepted, one digit, a
 * dot and six digits ("1.013872" central, "2.001234" provincial, "3.000123" district level), as
 * published by the National Public Service Portal. The legacy codes of the 2010 programme ("Đề án
 * 30", e.g. "B-BYT-285123-TT" or "BYT-285123") are refused with a message asking for the current
 * code: they were replaced when the national database was rebuilt, and accepting both would make
 * one procedure appear under two codes.
 */
import { FieldError, isAbsent, matchKey, normalizeSingleLine, readText, Validated } from './text';

export const REGULATION_CATEGORIES = [
  'administrative_procedure',
  'business_condition',
  'reporting_regime',
  'technical_standard',
  'specialized_inspection',
  'other',
] as const;

export type RegulationCategory = (typeof REGULATION_CATEGORIES)[number];

/** Vietnamese names (loại quy định), as used in the programme's reports. */
export const REGULATION_CATEGORY_LABELS: Readonly<Record<RegulationCategory, string>> = {
  administrative_procedure: 'thủ tục hành chính',
  business_condition: 'điều kiện kinh doanh',
  reporting_regime: 'chế độ báo cáo',
  technical_standard: 'tiêu chuẩn, quy chuẩn kỹ thuật',
  specialized_inspection: 'kiểm tra chuyên ngành',
  other: 'khác',
};

/** Other names met in ministries' spreadsheets; matched case- and diacritic-insensitively. */
const CATEGORY_ALIASES: Readonly<Record<RegulationCategory, readonly string[]>> = {
  administrative_procedure: ['TTHC', 'thủ tục'],
  business_condition: [
    'điều kiện kinh doanh / yêu cầu',
    'yêu cầu, điều kiện',
    'điều kiện, yêu cầu',
    'yêu cầu',
    'điều kiện',
    'ĐKKD',
  ],
  reporting_regime: ['báo cáo'],
  technical_standard: ['tiêu chuẩn', 'quy chuẩn kỹ thuật', 'tiêu chuẩn kỹ thuật', 'quy chuẩn'],
  specialized_inspection: ['KTCN'],
  other: [],
};

export const SUBJECT_TYPES = ['business', 'citizen', 'administration'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

/** Đối tượng tuân thủ. */
export const SUBJECT_TYPE_LABELS: Readonly<Record<SubjectType, string>> = {
  business: 'doanh nghiệp',
  citizen: 'người dân',
  administration: 'cơ quan hành chính',
};

const SUBJECT_ALIASES: Readonly<Record<SubjectType, readonly string[]>> = {
  business: ['DN', 'hộ kinh doanh', 'tổ chức kinh doanh'],
  citizen: ['cá nhân', 'công dân'],
  administration: ['cơ quan hành chính nhà nước', 'cơ quan nhà nước', 'cơ quan'],
};

export const REGULATION_LIMITS = { provision: 500, title: 1000, description: 20000 } as const;

export function isRegulationCategory(value: unknown): value is RegulationCategory {
  return typeof value === 'string' && (REGULATION_CATEGORIES as readonly string[]).includes(value);
}

export function isSubjectType(value: unknown): value is SubjectType {
  return typeof value === 'string' && (SUBJECT_TYPES as readonly string[]).includes(value);
}

function buildKeys<T extends string>(
  codes: readonly T[],
  labels: Readonly<Record<T, string>>,
  aliases: Readonly<Record<T, readonly string[]>>,
): Map<string, T> {
  const keys = new Map<string, T>();
  for (const code of codes) {
    for (const name of [code, labels[code], ...aliases[code]]) {
      const key = matchKey(name);
      const existing = keys.get(key);
      if (existing !== undefined && existing !== code)
        throw new Error(`alias "${name}" is ambiguous`);
      keys.set(key, code);
    }
  }
  return keys;
}

const CATEGORY_KEYS = buildKeys(
  REGULATION_CATEGORIES,
  REGULATION_CATEGORY_LABELS,
  CATEGORY_ALIASES,
);
const SUBJECT_KEYS = buildKeys(SUBJECT_TYPES, SUBJECT_TYPE_LABELS, SUBJECT_ALIASES);

type Match<T> = { ok: true; value: T } | { ok: false; message: string };

/** A category from its code or Vietnamese name ("Thủ tục hành chính", "thu tuc hanh chinh", "TTHC"). */
export function matchCategory(input: string): Match<RegulationCategory> {
  const key = matchKey(input);
  if (key === '') return { ok: false, message: 'is required' };
  const category = CATEGORY_KEYS.get(key);
  if (category !== undefined) return { ok: true, value: category };
  return {
    ok: false,
    message: `unknown category "${normalizeSingleLine(input)}"; use one of: ${REGULATION_CATEGORIES.map((c) => `${c} (${REGULATION_CATEGORY_LABELS[c]})`).join(', ')}`,
  };
}

/**
 * Subject types from a list written as codes or names, separated by commas, semicolons, slashes
 * or line breaks ("doanh nghiệp, người dân"); duplicates dropped, order kept. Blank gives [].
 */
export function matchSubjectTypes(input: string): Match<SubjectType[]> {
  const result: SubjectType[] = [];
  const unknown: string[] = [];
  for (const part of input.split(/[,;/\n]/)) {
    const key = matchKey(part);
    if (key === '') continue;
    const subject = SUBJECT_KEYS.get(key);
    if (subject === undefined) unknown.push(normalizeSingleLine(part));
    else if (!result.includes(subject)) result.push(subject);
  }
  if (unknown.length > 0) {
    return {
      ok: false,
      message: `unknown subject type ${unknown.map((u) => `"${u}"`).join(', ')}; use: ${SUBJECT_TYPES.map((s) => `${s} (${SUBJECT_TYPE_LABELS[s]})`).join(', ')}`,
    };
  }
  return { ok: true, value: result };
}

// ---------------------------------------------------------------------------------------------
// Procedure code, provision

export const PROCEDURE_CODE_PATTERN = /^[1-9]\.\d{6}$/;
const LEGACY_PROCEDURE_CODE = /^(?:[A-Z]-)?[A-ZĐ]{2,}-\d{5,6}(?:-[A-Z]{2})?$/;

/** Trimmed, NFC, inner spaces removed ("1. 013872" → "1.013872"), upper case (legacy codes). */
export function normalizeProcedureCode(input: string): string {
  return normalizeSingleLine(input).replace(/\s+/g, '').toUpperCase();
}

/** Errors (field `procedureCode`) for a mã TTHC; see the file comment for the accepted format. */
export function validateProcedureCode(code: unknown): FieldError[] {
  const fail = (message: string): FieldError[] => [{ field: 'procedureCode', message }];
  if (typeof code !== 'string') return fail('must be a string such as "1.013872"');
  const c = normalizeProcedureCode(code);
  if (PROCEDURE_CODE_PATTERN.test(c)) return [];
  if (LEGACY_PROCEDURE_CODE.test(c)) {
    return fail(
      `"${c}" is a legacy procedure code; use the current national code, one digit, a dot and six digits, such as "1.013872"`,
    );
  }
  if (/^[1-9]\.\d{1,5}$/.test(c)) {
    return fail(
      `"${c}" has fewer than six digits after the dot (a spreadsheet may have dropped trailing zeros); write it as text, such as "1.013870"`,
    );
  }
  return fail('must be one digit, a dot and six digits, such as "1.013872"');
}

/**
 * The provision (Điều/khoản/điểm) as stored: NFC, single line, trimmed ("Điều 4 khoản 1",
 * "Điểm a khoản 2 Điều 5", "Phụ lục I"). Free text: annexes and whole articles are provisions too.
 */
export function normalizeProvision(input: string): string {
  return normalizeSingleLine(input);
}

export function validateProvision(input: unknown): FieldError[] {
  const r = readText(input, { required: true, maxLength: REGULATION_LIMITS.provision });
  return r.ok ? [] : [{ field: 'provision', message: r.message }];
}

// ---------------------------------------------------------------------------------------------
// Sectors

export interface Sector {
  code: string;
  name: string;
}

export const SECTOR_CODE_PATTERN = /^[a-z][a-z0-9_]{1,49}$/;
export const SECTOR_NAME_MAX_LENGTH = 255;

/** The initial list (ngành, lĩnh vực) an admin extends; codes are snake_case ASCII. */
export const SEED_SECTORS: readonly Sector[] = Object.freeze(
  [
    { code: 'food_safety', name: 'An toàn thực phẩm' },
    { code: 'health', name: 'Y tế' },
    { code: 'trade', name: 'Thương mại' },
    { code: 'industry', name: 'Công nghiệp' },
    { code: 'energy', name: 'Năng lượng' },
    { code: 'construction', name: 'Xây dựng' },
    { code: 'transport', name: 'Giao thông vận tải' },
    { code: 'finance', name: 'Tài chính' },
    { code: 'tax', name: 'Thuế' },
    { code: 'customs', name: 'Hải quan' },
    { code: 'banking', name: 'Ngân hàng' },
    { code: 'planning_investment', name: 'Kế hoạch và đầu tư' },
    { code: 'agriculture', name: 'Nông nghiệp' },
    { code: 'environment', name: 'Tài nguyên và môi trường' },
    { code: 'labour', name: 'Lao động' },
    { code: 'education', name: 'Giáo dục' },
    { code: 'information_communications', name: 'Thông tin và truyền thông' },
    { code: 'science_technology', name: 'Khoa học và công nghệ' },
    { code: 'culture_tourism', name: 'Văn hóa, thể thao và du lịch' },
    { code: 'justice', name: 'Tư pháp' },
    { code: 'home_affairs', name: 'Nội vụ' },
  ].map((s) => Object.freeze(s)),
);

/** Errors for an admin's new sector (fields `code`, `name`); the name is stored normalised. */
export function validateSector(input: { code?: unknown; name?: unknown }): Validated<Sector> {
  const errors: FieldError[] = [];
  const code = input.code;
  if (isAbsent(code) || code === '') errors.push({ field: 'code', message: 'is required' });
  else if (typeof code !== 'string' || !SECTOR_CODE_PATTERN.test(code)) {
    errors.push({
      field: 'code',
      message:
        'must be 2–50 lower-case ASCII letters, digits or "_", starting with a letter (e.g. "food_safety")',
    });
  }
  const name = readText(input.name, { required: true, maxLength: SECTOR_NAME_MAX_LENGTH });
  if (!name.ok) errors.push({ field: 'name', message: name.message });
  if (errors.length > 0 || !name.ok) return { ok: false, errors };
  return { ok: true, value: { code: code as string, name: name.value as string } };
}

/**
 * A sector lookup for imports: by code (case-insensitive) or by name, diacritic-insensitively
 * ("An toàn thực phẩm", "an toan thuc pham", "food_safety").
 */
export function sectorMatcher(sectors: readonly Sector[]): (input: string) => Match<string> {
  const keys = new Map<string, string>();
  // Names first, codes last: a code always wins over a name that folds to the same key.
  for (const s of sectors) keys.set(matchKey(s.name), s.code);
  for (const s of sectors) keys.set(matchKey(s.code), s.code);
  return (input) => {
    const key = matchKey(input);
    if (key === '') return { ok: false, message: 'is required' };
    const code = keys.get(key);
    if (code !== undefined) return { ok: true, value: code };
    return {
      ok: false,
      message: `unknown sector "${normalizeSingleLine(input)}"; use a sector code or name from the list (sheet "Hướng dẫn" of the template)`,
    };
  };
}

// ---------------------------------------------------------------------------------------------
// The whole set of register fields

export interface RegulationFieldsInput {
  provision?: unknown;
  title?: unknown;
  description?: unknown;
  category?: unknown;
  sector?: unknown;
  procedureCode?: unknown;
  subjectTypes?: unknown;
}

/** Validated, normalised register fields of a regulation (document, agency and state aside). */
export interface RegulationFields {
  provision: string;
  title: string;
  /** "" when none was given. */
  description: string;
  category: RegulationCategory;
  /** A sector code. */
  sector: string;
  procedureCode: string | null;
  subjectTypes: SubjectType[];
}

/**
 * Validates and normalises the register fields (POST body, or stored record merged with a PATCH).
 * `sectorCodes`, when given, is the current sector list; otherwise only the code's shape is
 * checked and the caller checks existence. Error fields are the input names.
 */
export function validateRegulationFields(
  input: RegulationFieldsInput,
  options: { sectorCodes?: ReadonlySet<string> | readonly string[] } = {},
): Validated<RegulationFields> {
  const errors: FieldError[] = [];
  const provision = readText(input.provision, {
    required: true,
    maxLength: REGULATION_LIMITS.provision,
  });
  if (!provision.ok) errors.push({ field: 'provision', message: provision.message });
  const title = readText(input.title, { required: true, maxLength: REGULATION_LIMITS.title });
  if (!title.ok) errors.push({ field: 'title', message: title.message });
  const description = readText(input.description, {
    required: false,
    maxLength: REGULATION_LIMITS.description,
    multiline: true,
  });
  if (!description.ok) errors.push({ field: 'description', message: description.message });

  if (isAbsent(input.category) || input.category === '') {
    errors.push({ field: 'category', message: 'is required' });
  } else if (!isRegulationCategory(input.category)) {
    errors.push({
      field: 'category',
      message: `must be one of: ${REGULATION_CATEGORIES.join(', ')}`,
    });
  }

  const sector = input.sector;
  if (isAbsent(sector) || sector === '') errors.push({ field: 'sector', message: 'is required' });
  else if (typeof sector !== 'string' || !SECTOR_CODE_PATTERN.test(sector)) {
    errors.push({ field: 'sector', message: 'must be a sector code such as "food_safety"' });
  } else if (options.sectorCodes !== undefined) {
    const known =
      options.sectorCodes instanceof Set
        ? options.sectorCodes.has(sector)
        : (options.sectorCodes as readonly string[]).includes(sector);
    if (!known) errors.push({ field: 'sector', message: `unknown sector "${sector}"` });
  }

  let procedureCode: string | null = null;
  if (!isAbsent(input.procedureCode) && input.procedureCode !== '') {
    const problems = validateProcedureCode(input.procedureCode);
    if (problems.length > 0) errors.push(...problems);
    else procedureCode = normalizeProcedureCode(input.procedureCode as string);
  }

  const subjectTypes: SubjectType[] = [];
  if (!isAbsent(input.subjectTypes)) {
    if (!Array.isArray(input.subjectTypes)) {
      errors.push({
        field: 'subjectTypes',
        message: `must be an array of: ${SUBJECT_TYPES.join(', ')}`,
      });
    } else {
      input.subjectTypes.forEach((s, i) => {
        if (!isSubjectType(s)) {
          errors.push({
            field: `subjectTypes[${i}]`,
            message: `must be one of: ${SUBJECT_TYPES.join(', ')}`,
          });
        } else if (!subjectTypes.includes(s)) subjectTypes.push(s);
      });
    }
  }

  if (errors.length > 0 || !provision.ok || !title.ok || !description.ok) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    value: {
      provision: provision.value as string,
      title: title.value as string,
      description: description.value ?? '',
      category: input.category as RegulationCategory,
      sector: sector as string,
      procedureCode,
      subjectTypes,
    },
  };
}
