import { readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import {
  localizeText,
  MESSAGES,
  MessageKey,
  matchText,
  templateParams,
  translate,
} from './catalogue';
import { costFieldLabel, STATE_LABELS } from './labels';
import { negotiateLanguage } from './language';

describe('message catalogue', () => {
  it('has a Vietnamese and an English text for every key, with the same parameters', () => {
    for (const [key, entry] of Object.entries(MESSAGES) as [string, { vi: string; en: string }][]) {
      expect({ key, vi: entry.vi.trim().length > 0, en: entry.en.trim().length > 0 }).toEqual({
        key,
        vi: true,
        en: true,
      });
      expect({ key, params: templateParams(entry.vi).sort() }).toEqual({
        key,
        params: templateParams(entry.en).sort(),
      });
    }
  });

  it('has no two entries with the same English text (a text maps back to one key)', () => {
    const byEn = new Map<string, string>();
    const clashes: string[] = [];
    for (const [key, entry] of Object.entries(MESSAGES) as [string, { en: string }][]) {
      const seen = byEn.get(entry.en);
      // Two constraint names with class-validator's one message are the same text on purpose.
      if (seen && !(seen.startsWith('validation.') && key.startsWith('validation.')))
        clashes.push(`${seen} = ${key}`);
      byEn.set(entry.en, key);
    }
    expect(clashes).toEqual([]);
  });

  it('renders parameters, and state codes as their Vietnamese labels', () => {
    expect(translate('text.maxChars', { max: 500 }, 'vi')).toBe('tối đa 500 ký tự');
    expect(translate('text.maxChars', { max: 500 }, 'en')).toBe('must be at most 500 characters');
    expect(translate('regulation.editOnlyDraft', { state: 'responding' }, 'vi')).toContain(
      STATE_LABELS.responding,
    );
  });

  it('finds the entry an English text was written from and renders it in Vietnamese', () => {
    expect(matchText('hours must not be less than 0')).toEqual({
      key: 'validation.min',
      params: { property: 'hours', min: '0' },
    });
    expect(localizeText('hours must not be less than 0', 'vi')).toBe('hours không được nhỏ hơn 0');
    expect(localizeText('hours must not be less than 0', 'en')).toBe(
      'hours must not be less than 0',
    );
    // Nested catalogue texts (the document noun) and "; "-joined lists are localised too.
    expect(
      localizeText('must not contain spaces: a decree number looks like "15/2020/NĐ-CP"', 'vi'),
    ).toBe('không được chứa dấu cách: số hiệu nghị định có dạng "15/2020/NĐ-CP"');
    expect(localizeText('is required; must be a string', 'vi')).toBe(
      'là bắt buộc; phải là chuỗi ký tự',
    );
    expect(localizeText('a text no entry knows', 'vi')).toBe('a text no entry knows');
  });

  it('knows every literal message thrown as a problem in src/', () => {
    const files = execSync("grep -rl 'new ProblemException' src --include=*.ts", {
      cwd: process.cwd(),
    })
      .toString()
      .trim()
      .split('\n')
      .filter((f) => !f.endsWith('.spec.ts'));
    const unknown: string[] = [];
    for (const f of files) {
      const src = readFileSync(f, 'utf8');
      // new ProblemException(status, 'slug', 'literal detail' …
      for (const m of src.matchAll(
        /new ProblemException\(\s*\d+,\s*'[^']+',\s*(['`])((?:(?!\1)[^\\]|\\.)*)\1/g,
      )) {
        const text = m[1] === '`' ? m[2].replace(/\$\{[^}]*\}/g, 'x') : m[2].replace(/\\'/g, "'");
        if (text.includes('${')) continue; // a nested template literal: checked by its e2e test
        if (!matchText(text)) unknown.push(`${f}: ${text}`);
      }
    }
    expect(unknown).toEqual([]);
  });

  it('names an activity instead of its path', () => {
    expect(costFieldLabel('activities[0].hours', ['Nộp hồ sơ'])).toBe(
      "Hoạt động 'Nộp hồ sơ' — số giờ",
    );
    expect(costFieldLabel('activities[2].hours', [])).toBe('Hoạt động thứ 3 — số giờ');
    expect(costFieldLabel('feesAndCharges')).toBe('phí, lệ phí');
  });
});

describe('negotiateLanguage', () => {
  it.each([
    [undefined, 'vi'],
    ['', 'vi'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['vi-VN,vi;q=0.9,en;q=0.8', 'vi'],
    ['fr-FR,en;q=0.5', 'en'],
    ['en;q=0.4,vi;q=0.6', 'vi'],
    ['fr', 'vi'],
    ['*', 'vi'],
    ['en;q=0', 'vi'],
    ['garbage;;q=x', 'vi'],
  ])('%s → %s', (header, lang) => {
    expect(negotiateLanguage(header as string | undefined)).toBe(lang);
  });
});

// The type of keys is what callers use: a typo is a compile error.
const _typed: MessageKey = 'status.404';
void _typed;
