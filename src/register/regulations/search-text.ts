import { cleanText } from '../../common/clean-text';
import { documentSearchText, LegalDocumentType } from '../domain';

/**
 * What a regulation's search matches: its own text and its document's citation ("Nghị định
 * 15/2018/NĐ-CP"), so "nghi dinh 15" finds it. Stored denormalised and indexed by trigrams on its
 * unaccented lower-case form.
 */
export function regulationSearchText(
  r: { title: string; description: string; provision: string; procedureCode: string | null },
  doc: { number: string; type: string },
): string {
  return [
    r.title,
    r.description,
    r.provision,
    r.procedureCode ?? '',
    documentSearchText(doc.number, doc.type as LegalDocumentType),
  ]
    .filter(Boolean)
    .join('\n')
    .slice(0, 30000);
}

/** Splits a query into words; each must appear (in any order). LIKE wildcards are escaped. */
export function searchWords(query: string): string[] {
  // Cleaned like the stored text: a zero-width space or bidi mark must not make a word unmatched.
  return cleanText(query)
    .split(/\s+/)
    .map((w) => w.trim())
    .filter(Boolean)
    .slice(0, 12)
    .map((w) => w.replace(/[\\%_]/g, (c) => `\\${c}`));
}
