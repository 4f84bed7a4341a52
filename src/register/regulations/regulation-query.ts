import { SelectQueryBuilder } from 'typeorm';
import { isMinistry, readsEverything } from '../../access/access-policy';
import { Principal } from '../../identity/domain/principal';
import { searchWords } from './search-text';

/**
 * Restricts a query on `regulation r` to what the caller may see (domain.md §2): everything for
 * the Government Office and admins; own agency plus published for ministries; published otherwise.
 */
export function applyRegulationVisibility<T extends object>(
  qb: SelectQueryBuilder<T>,
  p: Principal | undefined,
  alias = 'r',
) {
  if (readsEverything(p)) return qb;
  if (isMinistry(p))
    return qb.andWhere(`(${alias}.published OR ${alias}.agency_id = :visAgency)`, {
      visAgency: p!.agencyId,
    });
  return qb.andWhere(`${alias}.published`);
}

/** Every word must appear somewhere in the unaccented, lower-cased search text (trigram-indexed). */
export function applyRegulationSearch<T extends object>(
  qb: SelectQueryBuilder<T>,
  search: string | undefined,
  alias = 'r',
) {
  searchWords(search ?? '').forEach((w, i) =>
    qb.andWhere(
      `search_normalize(${alias}.search_text) LIKE '%' || search_normalize(:sw${i}) || '%'`,
      { [`sw${i}`]: w },
    ),
  );
  return qb;
}

/**
 * A programme's baseline: its legal document was in force on the baseline date and its category
 * is counted. Withdrawn and retained regulations stay in it.
 */
export const IN_PROGRAMME_BASELINE = `EXISTS (
  SELECT 1 FROM legal_document bd, programme bp
   WHERE bd.id = r.legal_document_id AND bp.id = :baselineProgrammeId
     AND bd.effective_on <= bp.baseline_date AND (bd.expired_on IS NULL OR bd.expired_on > bp.baseline_date)
     AND r.category = ANY (bp.categories))`;
