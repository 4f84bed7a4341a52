import type { RegulationCommand } from '../../../../src/workflow/domain/regulation.events';

/**
 * The payload form of each event a person may send, derived from the workflow's event types
 * (src/workflow/domain/regulation.events.ts): the mapped type below makes the compiler refuse a
 * field the event does not have, and an event without its form.
 */
type TimerEvents =
  | 'EXPERT_ROUND_DEADLINE'
  | 'ASSOCIATION_ROUND_DEADLINE'
  | 'IMPLEMENTATION_DEADLINE_PASSED'
  | 'AMENDMENT_IN_FORCE';
export type HumanEventType = Exclude<RegulationCommand['type'], TimerEvents>;
type PayloadOf<K extends HumanEventType> = Omit<Extract<RegulationCommand, { type: K }>, 'type'>;

/** `experts`: ids chosen from the expert directory (GET /experts), kept as a list. */
export type EventFieldKind =
  'boolean' | 'text' | 'longtext' | 'date' | 'lines' | 'choice' | 'experts';
export interface EventField<Name extends string = string> {
  name: Name;
  kind: EventFieldKind;
  required?: boolean;
  choices?: string[];
}

export const EVENT_FORMS: {
  [K in HumanEventType]: Array<EventField<keyof PayloadOf<K> & string>>;
} = {
  SUBMIT_FOR_REVIEW: [],
  COMPLETE_REVIEW: [
    { name: 'necessary', kind: 'boolean' },
    { name: 'legal', kind: 'boolean' },
    { name: 'reasonable', kind: 'boolean' },
    { name: 'notes', kind: 'longtext' },
  ],
  CONFIRM_BASELINE: [],
  OPEN_CONSULTATION: [
    { name: 'expertDeadline', kind: 'date', required: true },
    { name: 'associationDeadline', kind: 'date', required: true },
    { name: 'expertIds', kind: 'experts', required: true },
  ],
  CLOSE_EXPERT_ROUND: [],
  SUBMIT_TO_GOVERNMENT_OFFICE: [],
  REVISE_PLAN: [{ name: 'reason', kind: 'longtext' }],
  RETURN_FOR_REVISION: [{ name: 'reasons', kind: 'lines', required: true }],
  FORWARD_FOR_DECISION: [{ name: 'note', kind: 'longtext' }],
  RECORD_DECISION: [
    { name: 'outcome', kind: 'choice', choices: ['approved', 'rejected'], required: true },
    { name: 'decisionNumber', kind: 'text', required: true },
    { name: 'decisionDate', kind: 'date', required: true },
    { name: 'implementationDeadline', kind: 'date' },
  ],
  RECORD_IMPLEMENTATION: [
    { name: 'amendingDocumentNumber', kind: 'text', required: true },
    { name: 'effectiveDate', kind: 'date', required: true },
  ],
  WITHDRAW: [{ name: 'reason', kind: 'longtext', required: true }],
};

export function formOf(type: string): EventField[] | null {
  return (EVENT_FORMS as Record<string, EventField[]>)[type] ?? null;
}

export function initialValues(fields: EventField[]): Record<string, unknown> {
  return Object.fromEntries(
    fields.map((f) => [
      f.name,
      f.kind === 'boolean'
        ? false
        : f.kind === 'experts'
          ? []
          : f.kind === 'choice'
            ? (f.choices?.[0] ?? '')
            : '',
    ]),
  );
}

/** The request body: typed values, empty optional fields left out, lines split into a list. */
export function eventBody(
  type: string,
  fields: EventField[],
  values: Record<string, unknown>,
): Record<string, unknown> {
  const body: Record<string, unknown> = { type };
  for (const f of fields) {
    const v = values[f.name];
    if (f.kind === 'boolean') body[f.name] = Boolean(v);
    else if (f.kind === 'experts') {
      const list = Array.isArray(v) ? v.map(String) : [];
      if (list.length || f.required) body[f.name] = list;
    } else if (f.kind === 'lines') {
      const list = String(v ?? '')
        .split(/[\n,;]+/)
        .map((x) => x.trim())
        .filter(Boolean);
      if (list.length || f.required) body[f.name] = list;
    } else {
      const text = String(v ?? '').trim();
      if (text || f.required) body[f.name] = text;
    }
  }
  return body;
}
