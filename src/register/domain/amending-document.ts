/**
 * The amending document of an implementation (RECORD_IMPLEMENTATION): a legal document of the
 * catalogue, so its number follows the catalogue's own rule (domain.md §3). Pure.
 */
import {
  guessDocumentTypes,
  isLegalDocumentType,
  LEGAL_DOCUMENT_TYPES,
  LegalDocumentType,
  normalizeDocumentNumber,
  validateDocumentNumber,
} from './legal-document';
import { FieldError } from './text';

/** What an amendment can be: any specific type (not `other`). */
export const AMENDING_DOCUMENT_TYPES = LEGAL_DOCUMENT_TYPES.filter(
  (t): t is Exclude<LegalDocumentType, 'other'> => t !== 'other',
);

export type AmendingNumberCheck =
  { ok: true; number: string; types: LegalDocumentType[] } | { ok: false; errors: FieldError[] };

/**
 * Checks an amending document's number with the register's rule: against its type when given,
 * else against every specific type (it must fit one). "05/TT-BYT" fails: a circular's number
 * carries its year. Errors name `field` (the payload's field).
 */
export function checkAmendingDocumentNumber(
  number: string,
  type: unknown,
  field = 'amendingDocumentNumber',
): AmendingNumberCheck {
  const rename = (errors: FieldError[]) =>
    errors.map((e) => ({ field: e.field === 'number' ? field : e.field, message: e.message }));
  if (type !== undefined && type !== null) {
    if (!isLegalDocumentType(type) || type === 'other') {
      return {
        ok: false,
        errors: [
          {
            field: 'amendingDocumentType',
            message: `must be one of: ${AMENDING_DOCUMENT_TYPES.join(', ')}`,
          },
        ],
      };
    }
    const errors = validateDocumentNumber(number, type);
    return errors.length
      ? { ok: false, errors: rename(errors) }
      : { ok: true, number: normalizeDocumentNumber(number), types: [type] };
  }
  const types = guessDocumentTypes(number);
  if (types.length > 0) return { ok: true, number: normalizeDocumentNumber(number), types };
  // The most telling refusal among the types whose shape it almost has (e.g. a missing year).
  const byType = AMENDING_DOCUMENT_TYPES.map((t) => validateDocumentNumber(number, t));
  const general = byType.find((errors) => errors.some((e) => /carries the year/.test(e.message)));
  if (general) return { ok: false, errors: rename(general.slice(0, 1)) };
  const shape = validateDocumentNumber(number, 'other');
  return {
    ok: false,
    errors: rename(
      shape.length
        ? shape.slice(0, 1)
        : [
            {
              field: 'number',
              message:
                'is not the number of a legal document the catalogue knows, e.g. "12/2026/NĐ-CP" or "05/2026/TT-BYT"; give amendingDocumentType to check it against one type',
            },
          ],
    ),
  };
}
