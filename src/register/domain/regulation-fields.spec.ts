import {
  isRegulationCategory,
  matchCategory,
  matchSubjectTypes,
  normalizeProcedureCode,
  normalizeProvision,
  REGULATION_CATEGORIES,
  REGULATION_CATEGORY_LABELS,
  SECTOR_CODE_PATTERN,
  sectorMatcher,
  SEED_SECTORS,
  SUBJECT_TYPE_LABELS,
  SUBJECT_TYPES,
  validateProcedureCode,
  validateProvision,
  validateRegulationFields,
  validateSector,
} from './regulation-fields';
import { matchKey } from './text';

describe('categories and subject types', () => {
  it('has the six categories with Vietnamese labels', () => {
    expect(REGULATION_CATEGORIES).toEqual([
      'administrative_procedure',
      'business_condition',
      'reporting_regime',
      'technical_standard',
      'specialized_inspection',
      'other',
    ]);
    expect(REGULATION_CATEGORY_LABELS).toEqual({
      administrative_procedure: 'thủ tục hành chính',
      business_condition: 'điều kiện kinh doanh',
      reporting_regime: 'chế độ báo cáo',
      technical_standard: 'tiêu chuẩn, quy chuẩn kỹ thuật',
      specialized_inspection: 'kiểm tra chuyên ngành',
      other: 'khác',
    });
    expect(isRegulationCategory('other')).toBe(true);
    expect(isRegulationCategory('khác')).toBe(false);
  });

  it('matches categories by code, label or common alias', () => {
    const m = (s: string) => {
      const r = matchCategory(s);
      return r.ok ? r.value : `ERR ${r.message}`;
    };
    expect(m('administrative_procedure')).toBe('administrative_procedure');
    expect(m('Thủ tục hành chính')).toBe('administrative_procedure');
    expect(m('THU TUC HANH CHINH')).toBe('administrative_procedure');
    expect(m('TTHC')).toBe('administrative_procedure');
    expect(m('Điều kiện kinh doanh')).toBe('business_condition');
    expect(m('yêu cầu, điều kiện')).toBe('business_condition');
    expect(m('Chế độ báo cáo')).toBe('reporting_regime');
    expect(m('Tiêu chuẩn, quy chuẩn kỹ thuật')).toBe('technical_standard');
    expect(m('quy chuẩn kỹ thuật')).toBe('technical_standard');
    expect(m('Kiểm tra chuyên ngành')).toBe('specialized_inspection');
    expect(m('Khác')).toBe('other');
    for (const c of REGULATION_CATEGORIES) expect(m(REGULATION_CATEGORY_LABELS[c])).toBe(c);
    expect(m('giấy phép')).toMatch(
      /^ERR unknown category "giấy phép"; use one of: administrative_procedure \(thủ tục hành chính\)/,
    );
    expect(m('')).toBe('ERR is required');
  });

  it('matches subject type lists', () => {
    expect(SUBJECT_TYPES).toEqual(['business', 'citizen', 'administration']);
    expect(SUBJECT_TYPE_LABELS.citizen).toBe('người dân');
    expect(matchSubjectTypes('doanh nghiệp, người dân')).toEqual({
      ok: true,
      value: ['business', 'citizen'],
    });
    expect(matchSubjectTypes('business;administration;business')).toEqual({
      ok: true,
      value: ['business', 'administration'],
    });
    expect(matchSubjectTypes('Doanh nghiep\nCo quan hanh chinh')).toEqual({
      ok: true,
      value: ['business', 'administration'],
    });
    expect(matchSubjectTypes(' , ')).toEqual({ ok: true, value: [] });
    const bad = matchSubjectTypes('doanh nghiệp, hợp tác xã');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toContain('unknown subject type "hợp tác xã"');
  });
});

describe('procedure codes (mã TTHC)', () => {
  it('accepts the national format: digit, dot, six digits', () => {
    for (const c of ['1.013872', '2.001234', '3.000123', '1.003348']) {
      expect(validateProcedureCode(c)).toEqual([]);
    }
    expect(validateProcedureCode(' 1. 013872 ')).toEqual([]);
    expect(normalizeProcedureCode(' 1. 013872 ')).toBe('1.013872');
  });

  it('refuses legacy codes with a specific message', () => {
    for (const c of ['BYT-285123', 'B-BYT-285123-TT', 'T-HNO-123456-TT']) {
      const [e] = validateProcedureCode(c);
      expect(e.field).toBe('procedureCode');
      expect(e.message).toContain('is a legacy procedure code');
    }
  });

  it('explains dropped trailing zeros and other shapes', () => {
    expect(validateProcedureCode('1.01387')[0].message).toContain('fewer than six digits');
    for (const c of ['1013872', '0.013872', '1.0138720', '11.013872', 'abc', '']) {
      expect(validateProcedureCode(c)[0].message).toBe(
        'must be one digit, a dot and six digits, such as "1.013872"',
      );
    }
    expect(validateProcedureCode(1.013872)[0].message).toContain('must be a string');
  });
});

describe('provisions', () => {
  it('normalises and limits to 500 characters', () => {
    expect(normalizeProvision('  Điều 4\n khoản 1 '.normalize('NFD'))).toBe('Điều 4 khoản 1');
    expect(validateProvision('Điểm a khoản 2 Điều 5')).toEqual([]);
    expect(validateProvision('x'.repeat(500))).toEqual([]);
    expect(validateProvision('x'.repeat(501))).toEqual([
      { field: 'provision', message: 'must be at most 500 characters' },
    ]);
    expect(validateProvision(' ')).toEqual([{ field: 'provision', message: 'is required' }]);
    // Length counts characters, not UTF-16 units or NFD marks.
    expect(validateProvision('ệ'.normalize('NFD').repeat(500))).toEqual([]);
  });
});

describe('sectors', () => {
  it('seeds about twenty Vietnamese sectors with unique snake_case codes and names', () => {
    expect(SEED_SECTORS.length).toBeGreaterThanOrEqual(20);
    const codes = SEED_SECTORS.map((s) => s.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(SEED_SECTORS.map((s) => matchKey(s.name))).size).toBe(codes.length);
    for (const s of SEED_SECTORS) {
      expect(s.code).toMatch(SECTOR_CODE_PATTERN);
      expect(s.name).toBe(s.name.normalize('NFC'));
      expect(validateSector(s)).toEqual({ ok: true, value: s });
    }
    expect(SEED_SECTORS.find((s) => s.code === 'food_safety')?.name).toBe('An toàn thực phẩm');
    for (const code of [
      'health',
      'trade',
      'construction',
      'transport',
      'finance',
      'agriculture',
      'labour',
      'education',
      'information_communications',
    ]) {
      expect(codes).toContain(code);
    }
    expect(Object.isFrozen(SEED_SECTORS)).toBe(true);
  });

  it('validates an admin-created sector', () => {
    expect(validateSector({ code: 'Food Safety', name: '' })).toEqual({
      ok: false,
      errors: [
        { field: 'code', message: expect.stringContaining('lower-case ASCII') },
        { field: 'name', message: 'is required' },
      ],
    });
    expect(validateSector({ code: 'an_toan', name: ' An  toàn ' })).toEqual({
      ok: true,
      value: { code: 'an_toan', name: 'An toàn' },
    });
    expect(validateSector({}).ok).toBe(false);
  });

  it('matches a sector by code or by name, diacritic-insensitively', () => {
    const match = sectorMatcher(SEED_SECTORS);
    expect(match('food_safety')).toEqual({ ok: true, value: 'food_safety' });
    expect(match('FOOD_SAFETY')).toEqual({ ok: true, value: 'food_safety' });
    expect(match('An toàn thực phẩm')).toEqual({ ok: true, value: 'food_safety' });
    expect(match('an toan thuc pham')).toEqual({ ok: true, value: 'food_safety' });
    expect(match('Văn hoá, thể thao và du lịch')).toEqual({ ok: true, value: 'culture_tourism' });
    const r = match('Dầu khí');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('unknown sector "Dầu khí"');
  });

  it('prefers a code over a name that folds to the same key', () => {
    const match = sectorMatcher([
      { code: 'thue', name: 'Hải quan' },
      { code: 'tax', name: 'Thuế' },
    ]);
    expect(match('thue')).toEqual({ ok: true, value: 'thue' });
    expect(match('Thuế')).toEqual({ ok: true, value: 'thue' });
  });
});

describe('validateRegulationFields', () => {
  const input = {
    provision: 'Điều 4 khoản 1',
    title: ' Thủ tục tự công bố sản phẩm ',
    description: 'Dòng 1\r\n\r\n\r\n\r\nDòng 2  ',
    category: 'administrative_procedure',
    sector: 'food_safety',
    procedureCode: '1.003348',
    subjectTypes: ['business', 'business', 'citizen'],
  };

  it('normalises valid fields', () => {
    expect(validateRegulationFields(input, { sectorCodes: new Set(['food_safety']) })).toEqual({
      ok: true,
      value: {
        provision: 'Điều 4 khoản 1',
        title: 'Thủ tục tự công bố sản phẩm',
        description: 'Dòng 1\n\nDòng 2',
        category: 'administrative_procedure',
        sector: 'food_safety',
        procedureCode: '1.003348',
        subjectTypes: ['business', 'citizen'],
      },
    });
  });

  it('treats description, procedure code and subject types as optional', () => {
    const r = validateRegulationFields({
      ...input,
      description: undefined,
      procedureCode: null,
      subjectTypes: undefined,
    });
    expect(r.ok && r.value).toMatchObject({
      description: '',
      procedureCode: null,
      subjectTypes: [],
    });
    expect(validateRegulationFields({ ...input, procedureCode: '' }).ok).toBe(true);
  });

  it('reports every bad field', () => {
    const r = validateRegulationFields(
      {
        provision: '',
        title: 5,
        description: 'x'.repeat(20001),
        category: 'Thủ tục hành chính',
        sector: 'health',
        procedureCode: 'BYT-285123',
        subjectTypes: ['business', 'company'],
      },
      { sectorCodes: ['food_safety'] },
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      { field: 'provision', message: 'is required' },
      { field: 'title', message: 'must be a string' },
      { field: 'description', message: 'must be at most 20000 characters' },
      {
        field: 'category',
        message: expect.stringContaining('must be one of: administrative_procedure'),
      },
      { field: 'sector', message: 'unknown sector "health"' },
      { field: 'procedureCode', message: expect.stringContaining('legacy') },
      { field: 'subjectTypes[1]', message: 'must be one of: business, citizen, administration' },
    ]);
  });

  it('checks the sector code shape when no list is given', () => {
    const r = validateRegulationFields({ ...input, sector: 'An toàn thực phẩm' });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toEqual([
        { field: 'sector', message: 'must be a sector code such as "food_safety"' },
      ]);
    const notArray = validateRegulationFields({ ...input, subjectTypes: 'business' });
    expect(notArray.ok).toBe(false);
  });
});
