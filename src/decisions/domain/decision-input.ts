/**
 * Pure rules of a Prime Minister's decision on simplification plans (quyết định phê duyệt phương
 * án, domain.md §3, §5). Unit-tested in decision-input.spec.ts.
 */
import { normalizeDocumentNumber, validateDocumentNumber } from '../../register/domain';
import { DateTimeFormatError, parseCalendarDate, parseDeadline } from '../../workflow/domain/time';
import { vietnamStartOfDay } from '../../common/vietnam-time';

export interface FieldError {
  field: string;
  message: string;
}

export const DECISION_OUTCOMES = ['approved', 'rejected'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** `POST /decisions`, checked and normalised. */
export interface DecisionInput {
  /** Canonical form, e.g. "1661/QĐ-TTg". */
  decisionNumber: string;
  /** YYYY-MM-DD (a calendar date in Vietnam). */
  decisionDate: string;
  outcome: DecisionOutcome;
  /** UTC ISO instant; a date alone means 23:59:59 that day in Asia/Ho_Chi_Minh. Null when rejected. */
  implementationDeadline: string | null;
  regulationIds: string[];
}

export type DecisionValidation =
  { ok: true; value: DecisionInput } | { ok: false; errors: FieldError[] };

/**
 * A decision's number is a Prime Minister's decision number ("1661/QĐ-TTg", or "23/2021/QĐ-TTg"
 * for a normative one), checked like a legal document's; errors name `decisionNumber`.
 */
export function decisionNumberErrors(number: unknown, decisionDate?: unknown): FieldError[] {
  return validateDocumentNumber(number, 'pm_decision', decisionDate).map((e) => ({
    field: 'decisionNumber',
    message: e.message,
  }));
}

export function canonicalDecisionNumber(number: string): string {
  return normalizeDocumentNumber(number);
}

/**
 * Checks a decision over several regulations. `today` (YYYY-MM-DD in Vietnam) refuses a decision
 * dated in the future: a typo here would date every approval in the ledger's series wrongly.
 */
export function validateDecisionInput(
  body: {
    decisionNumber?: unknown;
    decisionDate?: unknown;
    outcome?: unknown;
    implementationDeadline?: unknown;
    regulationIds?: unknown;
  },
  today: string,
): DecisionValidation {
  const errors: FieldError[] = [];
  let decisionDate: string | undefined;
  try {
    decisionDate = parseCalendarDate(body.decisionDate);
    if (decisionDate > today) {
      errors.push({
        field: 'decisionDate',
        message: `must not be after today (${today}): record a decision once it is signed`,
      });
    }
  } catch (e) {
    if (!(e instanceof DateTimeFormatError)) throw e;
    errors.push({ field: 'decisionDate', message: e.message });
  }
  errors.push(...decisionNumberErrors(body.decisionNumber, decisionDate));

  const outcome = body.outcome;
  if (outcome !== 'approved' && outcome !== 'rejected') {
    errors.push({ field: 'outcome', message: 'must be "approved" or "rejected"' });
  }
  let implementationDeadline: string | null = null;
  const given = body.implementationDeadline;
  if (outcome === 'approved') {
    if (given === undefined || given === null || given === '') {
      errors.push({ field: 'implementationDeadline', message: 'is required when approved' });
    } else {
      try {
        implementationDeadline = parseDeadline(given);
        // The deadline may have passed (a late recording: the implementation is overdue at once),
        // but it cannot come before the day of the decision that sets it.
        if (
          decisionDate &&
          Date.parse(implementationDeadline) < Date.parse(vietnamStartOfDay(decisionDate))
        ) {
          errors.push({
            field: 'implementationDeadline',
            message: `must not be before the decision date (${decisionDate})`,
          });
        }
      } catch (e) {
        if (!(e instanceof DateTimeFormatError)) throw e;
        errors.push({ field: 'implementationDeadline', message: e.message });
      }
    }
  } else if (outcome === 'rejected' && given !== undefined && given !== null && given !== '') {
    errors.push({
      field: 'implementationDeadline',
      message: 'applies only to an approved decision',
    });
  }

  const ids = body.regulationIds;
  if (!Array.isArray(ids) || ids.length === 0) {
    errors.push({ field: 'regulationIds', message: 'must list at least one regulation id' });
  } else {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      const key = typeof id === 'string' ? id.toLowerCase() : '';
      if (seen.has(key)) {
        errors.push({ field: `regulationIds[${i}]`, message: 'is listed twice' });
      }
      seen.add(key);
    });
  }

  if (errors.length > 0 || !decisionDate) return { ok: false, errors };
  return {
    ok: true,
    value: {
      decisionNumber: canonicalDecisionNumber(String(body.decisionNumber)),
      decisionDate,
      outcome: outcome as DecisionOutcome,
      implementationDeadline,
      regulationIds: (ids as string[]).map((id) => id.toLowerCase()),
    },
  };
}
