/**
 * The one message catalogue (danh mục thông điệp) of the API, the workbooks and the web app:
 * key → { vi, en }, with `{param}` placeholders. Vietnamese is the default language.
 *
 * Domain validators and services stay pure and word their messages in English (the `en` entry is
 * exactly the text they write, with `{param}` where it varies); {@link localizeText} finds the entry
 * whose `en` template matches a text and renders its `vi` with the same parameters. The catalogue
 * spec checks that every key has both languages with the same parameters, and that the messages
 * thrown in src/ have an entry.
 */
import { Language } from './language';
import { stateLabel } from './labels';
import { COMMON_MESSAGES } from './messages/common';
import { VALIDATION_MESSAGES } from './messages/validation';
import { REGISTER_MESSAGES } from './messages/register';
import { COSTING_MESSAGES } from './messages/costing';
import { WORKFLOW_MESSAGES } from './messages/workflow';
import { CONSULTATION_MESSAGES } from './messages/consultation';
import { IDENTITY_MESSAGES } from './messages/identity';
import { DECISIONS_MESSAGES } from './messages/decisions';
import { REPORTING_MESSAGES } from './messages/reporting';

export interface CatalogueEntry {
  vi: string;
  en: string;
}

export const MESSAGES = {
  ...COMMON_MESSAGES,
  ...VALIDATION_MESSAGES,
  ...REGISTER_MESSAGES,
  ...COSTING_MESSAGES,
  ...WORKFLOW_MESSAGES,
  ...CONSULTATION_MESSAGES,
  ...IDENTITY_MESSAGES,
  ...DECISIONS_MESSAGES,
  ...REPORTING_MESSAGES,
} satisfies Record<string, CatalogueEntry>;

export type MessageKey = keyof typeof MESSAGES;
export type MessageParams = Record<string, string | number>;

/** A message by key, to be rendered in the request's language. */
export interface Message {
  key: MessageKey;
  params?: MessageParams;
}

export const msg = (key: MessageKey, params?: MessageParams): Message => ({ key, params });

const PARAM = /\{(\w+)\}/g;

/** The placeholders of a template, e.g. ["field", "max"]. */
export function templateParams(template: string): string[] {
  return [...template.matchAll(PARAM)].map((m) => m[1]);
}

/**
 * In Vietnamese a `{state}` parameter reads as the state's label (responding → Tiếp thu, giải
 * trình), `{states}` as a list of labels, and a quoted list's "or" as "hoặc".
 */
function renderParam(name: string, value: string | number, lang: Language): string {
  const text = String(value);
  if (lang !== 'vi') return text;
  if (name === 'state') return stateLabel(text);
  if (name === 'states')
    return text
      .split(', ')
      .map((s) => `"${stateLabel(s)}"`)
      .join(', ');
  return text.replace(/" or "/g, '" hoặc "');
}

export function render(
  template: string,
  params: MessageParams = {},
  lang: Language = 'vi',
): string {
  return template.replace(PARAM, (whole, name: string) =>
    name in params ? renderParam(name, params[name], lang) : whole,
  );
}

export function translate(key: MessageKey, params?: MessageParams, lang: Language = 'vi'): string {
  const entry: CatalogueEntry = MESSAGES[key];
  return render(entry[lang], params, lang);
}

/** A message in the given language; a parameter that is itself a catalogue text is localised too. */
export function translateMessage(m: Message, lang: Language): string {
  if (lang === 'en' || !m.params) return translate(m.key, m.params, lang);
  const params: MessageParams = {};
  for (const [k, v] of Object.entries(m.params))
    params[k] =
      k === 'state' || k === 'states' || typeof v !== 'string' ? v : localizeText(v, lang);
  return translate(m.key, params, lang);
}

interface CompiledTemplate {
  key: MessageKey;
  regex: RegExp;
  names: string[];
  literal: number;
  /** The fixed text between the parameters: a cheap test before the regex. */
  pieces: string[];
}

/** Whether the fixed pieces occur in order, the first at the start and the last at the end. */
function piecesFit(text: string, pieces: string[]): boolean {
  if (!text.startsWith(pieces[0]) || !text.endsWith(pieces[pieces.length - 1])) return false;
  let at = pieces[0].length;
  for (let i = 1; i < pieces.length - 1; i++) {
    const found = text.indexOf(pieces[i], at);
    if (found < 0) return false;
    at = found + pieces[i].length;
  }
  return true;
}

let compiled: CompiledTemplate[] | null = null;
const PATH_PARAMS = new Set(['property', 'field', 'name']);

function compileTemplates(): CompiledTemplate[] {
  const out: CompiledTemplate[] = [];
  for (const key of Object.keys(MESSAGES) as MessageKey[]) {
    const en = (MESSAGES[key] as CatalogueEntry).en;
    const names = templateParams(en);
    const pieces = en.split(/\{\w+\}/);
    // A property or field name is one path (`activities[0].hours`), never a phrase.
    const source = pieces
      .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .reduce(
        (acc, p, i) =>
          acc + (PATH_PARAMS.has(names[i - 1]) ? '([\\w.\\[\\]-]+)' : '([\\s\\S]+?)') + p,
      );
    out.push({
      key,
      regex: new RegExp(`^${source}$`),
      names,
      literal: pieces.join('').length,
      pieces,
    });
  }
  // The most specific template (most fixed text) wins: "must be one of: {x}" before "{a} {b}".
  return out.sort((a, b) => b.literal - a.literal);
}

/** The catalogue entry an English text was written from, with its parameters; null if none. */
export function matchText(text: string): Message | null {
  compiled ??= compileTemplates();
  for (const t of compiled) {
    if (!piecesFit(text, t.pieces)) continue;
    const m = t.regex.exec(text);
    if (!m) continue;
    const params: MessageParams = {};
    t.names.forEach((n, i) => (params[n] = m[i + 1]));
    return { key: t.key, params };
  }
  return null;
}

/**
 * An English message in the given language: through the catalogue entry it was written from;
 * a text the catalogue does not know stays as written.
 */
export function localizeText(text: string, lang: Language): string {
  if (lang === 'en' || !text) return text;
  const cached = localized.get(text);
  if (cached !== undefined) return cached;
  const out = localizeUncached(text, lang);
  // Messages repeat (the same refusal for every bad row of an import): remember a bounded few.
  if (localized.size >= LOCALIZED_CACHE_SIZE) localized.clear();
  localized.set(text, out);
  return out;
}

const LOCALIZED_CACHE_SIZE = 10_000;
/** Vietnamese texts by English text (the one other language). */
const localized = new Map<string, string>();

function localizeUncached(text: string, lang: Language): string {
  const m = matchText(text);
  if (!m) {
    // Several messages joined by "; " (a guard's failures, a list of field errors): each part.
    if (text.includes('; ')) {
      const parts = text.split('; ');
      const out = parts.map((p) => localizeText(p, lang));
      if (out.some((p, i) => p !== parts[i])) return out.join('; ');
    }
    return text;
  }
  const params: MessageParams = {};
  // A parameter that is itself a catalogue text (a noun, a nested message) is localised too.
  for (const [k, v] of Object.entries(m.params ?? {}))
    params[k] = k === 'state' || k === 'states' ? v : localizeText(String(v), lang);
  return translate(m.key, params, lang);
}
