/**
 * Warnings: an accepted event that a careful user would want to hear about, because it is
 * probably a mistake or has a consequence they may not expect. The transition happens as asked
 * (values are kept as given); the warning goes back in the answer and into the history entry.
 */
import type { FactsInput, RegulationCommand } from './regulation.events';
import { parseDeadline, toMillis } from './time';

export type WarningCode = 'implementation_deadline_past' | 'consultation_ends_after_programme';

export interface WorkflowWarning {
  code: WarningCode;
  /** The payload field the warning is about. */
  field: string;
  message: string;
}

const DAY_MS = 86_400_000;

/** End of a calendar day in Vietnam (a date alone = 23:59:59 that day, domain.md §5). */
const endOfDay = (date: string) => toMillis(parseDeadline(date));

export function warningsFor(command: RegulationCommand, facts: FactsInput): WorkflowWarning[] {
  const now = toMillis(facts.now);
  switch (command.type) {
    case 'RECORD_DECISION': {
      const deadline = command.implementationDeadline;
      if (command.outcome !== 'approved' || !deadline || toMillis(deadline) > now) return [];
      return [
        {
          code: 'implementation_deadline_past',
          field: 'implementationDeadline',
          message: `the implementation deadline ${deadline} is already past: it is kept as given, and the implementation is overdue at once`,
        },
      ];
    }
    case 'OPEN_CONSULTATION': {
      const programme = facts.planProgramme;
      if (!programme) return [];
      const end = endOfDay(programme.endDate);
      const minimumEnd = now + (facts.minConsultationDays ?? 0) * DAY_MS;
      const latest = Math.max(
        toMillis(command.expertDeadline),
        toMillis(command.associationDeadline),
      );
      if (minimumEnd <= end && latest <= end) return [];
      const field =
        toMillis(command.associationDeadline) >= toMillis(command.expertDeadline)
          ? 'associationDeadline'
          : 'expertDeadline';
      const why =
        minimumEnd > end
          ? `its minimum consultation period (${facts.minConsultationDays} days) ends after`
          : 'it closes after';
      return [
        {
          code: 'consultation_ends_after_programme',
          field,
          message: `the consultation is open, but ${why} the end of programme ${programme.code} (${programme.endDate}): the plan cannot be decided within the programme`,
        },
      ];
    }
    default:
      return [];
  }
}
