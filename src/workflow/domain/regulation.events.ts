/**
 * The events a regulation's workflow accepts (domain.md §5), their payloads, the facts the
 * service attaches to each event, and pure payload validators (HTTP 400 material).
 */
import type { FieldError } from '../../common/field-error';
import { checkAmendingDocumentNumber } from '../../register/domain/amending-document';
import type { LegalDocumentType } from '../../register/domain/legal-document';
import { DateTimeFormatError, parseCalendarDate, parseDeadline, parseInstant } from './time';
import { isUuid } from '../../common/ids';

export type PlanAction = 'abolish' | 'simplify' | 'amend'; // bãi bỏ | đơn giản hóa | sửa đổi, bổ sung
export const PLAN_ACTIONS: readonly PlanAction[] = ['abolish', 'simplify', 'amend'];

/**
 * What the guards need to know about the world, read by the service from the database at the
 * moment the event is handled (in the same transaction) and passed in with the event. The machine
 * never reads a clock or a database itself.
 */
export interface WorkflowFacts {
  /** The current instant, ISO 8601 with an offset. Timers are computed from it. */
  now: string;
  /** A complete baseline cost estimate exists (CONFIRM_BASELINE). */
  baselineComplete: boolean;
  /** The current simplification plan (phương án), or null when none was written. */
  plan: { action: PlanAction } | null;
  /** A proposed cost estimate exists (OPEN_CONSULTATION unless the plan abolishes). */
  proposedEstimateExists: boolean;
  /** The plan's programme's minimum consultation period in days (default 30; 0 allowed). */
  minConsultationDays: number;
  /** The programme the plan is filed under (OPEN_CONSULTATION warns past its end). */
  planProgramme: { code: string; endDate: string } | null;
  /** Invited experts of the current cycle who have not given feedback (CLOSE_EXPERT_ROUND). */
  invitedExpertsWithoutFeedback: number;
  /** Feedback items of the current cycle's rounds without an answer (SUBMIT_TO_GOVERNMENT_OFFICE). */
  unansweredFeedbackCount: number;
}

/** Only `now` is always needed; see FACTS_READ_BY_EVENT for what each event reads. */
export type FactsInput = Pick<WorkflowFacts, 'now'> & Partial<Omit<WorkflowFacts, 'now'>>;

// ---- events sent by people -------------------------------------------------------------------

export interface SubmitForReviewEvent {
  type: 'SUBMIT_FOR_REVIEW';
}
/** Rà soát: necessity, legality, reasonableness. */
export interface CompleteReviewEvent {
  type: 'COMPLETE_REVIEW';
  necessary: boolean;
  legal: boolean;
  reasonable: boolean;
  notes?: string;
}
export interface ConfirmBaselineEvent {
  type: 'CONFIRM_BASELINE';
}
export interface OpenConsultationEvent {
  type: 'OPEN_CONSULTATION';
  /** Normalised to a UTC ISO string by validateEvent (a date alone = 23:59:59 in Vietnam). */
  expertDeadline: string;
  associationDeadline: string;
  expertIds: string[];
}
export interface CloseExpertRoundEvent {
  type: 'CLOSE_EXPERT_ROUND';
}
export interface SubmitToGovernmentOfficeEvent {
  type: 'SUBMIT_TO_GOVERNMENT_OFFICE';
}
export interface RevisePlanEvent {
  type: 'REVISE_PLAN';
  reason?: string;
}
export interface ReturnForRevisionEvent {
  type: 'RETURN_FOR_REVISION';
  reasons: string[];
}
export interface ForwardForDecisionEvent {
  type: 'FORWARD_FOR_DECISION';
  note?: string;
}
export interface RecordDecisionEvent {
  type: 'RECORD_DECISION';
  outcome: 'approved' | 'rejected';
  decisionNumber: string; // e.g. 1661/QĐ-TTg
  decisionDate: string; // YYYY-MM-DD
  /** Required when approved; UTC ISO after validation. */
  implementationDeadline?: string;
}
export interface RecordImplementationEvent {
  type: 'RECORD_IMPLEMENTATION';
  /** Checked with the register's rule for legal-document numbers (normalised). */
  amendingDocumentNumber: string;
  /** The day the amendment takes effect: implemented from then (a durable timer if later). */
  effectiveDate: string; // YYYY-MM-DD
  amendingDocumentType?: LegalDocumentType;
  /** The catalogue entry of the amending document, when the caller knows it. */
  amendingDocumentId?: string;
  /** To add the amending document to the catalogue (or find it there) when it has no id yet. */
  amendingDocument?: { issuer: string; title: string; issuedOn: string };
}
export interface WithdrawEvent {
  type: 'WITHDRAW';
  reason: string;
}

// ---- events sent by the durable timer service (role `system`) --------------------------------

/** `cycle` ties the timer to one consultation cycle, so a timer of an earlier cycle is refused. */
export interface ExpertRoundDeadlineEvent {
  type: 'EXPERT_ROUND_DEADLINE';
  cycle?: number;
}
export interface AssociationRoundDeadlineEvent {
  type: 'ASSOCIATION_ROUND_DEADLINE';
  cycle?: number;
}
export interface ImplementationDeadlinePassedEvent {
  type: 'IMPLEMENTATION_DEADLINE_PASSED';
}
/** The recorded amendment's effective date has come: the regulation is implemented. */
export interface AmendmentInForceEvent {
  type: 'AMENDMENT_IN_FORCE';
}

/** An event as a caller sends it (`POST /regulations/:id/events` body, or a due timer). */
export type RegulationCommand =
  | SubmitForReviewEvent
  | CompleteReviewEvent
  | ConfirmBaselineEvent
  | OpenConsultationEvent
  | CloseExpertRoundEvent
  | ExpertRoundDeadlineEvent
  | AssociationRoundDeadlineEvent
  | SubmitToGovernmentOfficeEvent
  | RevisePlanEvent
  | ReturnForRevisionEvent
  | ForwardForDecisionEvent
  | RecordDecisionEvent
  | RecordImplementationEvent
  | ImplementationDeadlinePassedEvent
  | AmendmentInForceEvent
  | WithdrawEvent;

export type RegulationEventType = RegulationCommand['type'];

/** What the machine receives: the command plus the facts attached by the engine. */
export type RegulationEvent = RegulationCommand & { facts?: FactsInput };

/** Every external event type, in workflow order (lists shown to callers use this order). */
export const REGULATION_EVENT_TYPES = [
  'SUBMIT_FOR_REVIEW',
  'COMPLETE_REVIEW',
  'CONFIRM_BASELINE',
  'OPEN_CONSULTATION',
  'CLOSE_EXPERT_ROUND',
  'EXPERT_ROUND_DEADLINE',
  'ASSOCIATION_ROUND_DEADLINE',
  'SUBMIT_TO_GOVERNMENT_OFFICE',
  'REVISE_PLAN',
  'RETURN_FOR_REVISION',
  'FORWARD_FOR_DECISION',
  'RECORD_DECISION',
  'RECORD_IMPLEMENTATION',
  'IMPLEMENTATION_DEADLINE_PASSED',
  'AMENDMENT_IN_FORCE',
  'WITHDRAW',
] as const satisfies readonly RegulationEventType[];

/** Events only the timer service sends. */
export const TIMER_EVENT_TYPES = [
  'EXPERT_ROUND_DEADLINE',
  'ASSOCIATION_ROUND_DEADLINE',
  'IMPLEMENTATION_DEADLINE_PASSED',
  'AMENDMENT_IN_FORCE',
] as const satisfies readonly RegulationEventType[];

export function isRegulationEventType(type: unknown): type is RegulationEventType {
  return typeof type === 'string' && (REGULATION_EVENT_TYPES as readonly string[]).includes(type);
}

/** Which facts each event's guards read, so the service loads only those (`now` is always read). */
export const FACTS_READ_BY_EVENT: Readonly<
  Record<RegulationEventType, readonly (keyof WorkflowFacts)[]>
> = {
  SUBMIT_FOR_REVIEW: ['now'],
  COMPLETE_REVIEW: ['now'],
  CONFIRM_BASELINE: ['now', 'baselineComplete'],
  OPEN_CONSULTATION: [
    'now',
    'plan',
    'proposedEstimateExists',
    'minConsultationDays',
    'planProgramme',
  ],
  CLOSE_EXPERT_ROUND: ['now', 'invitedExpertsWithoutFeedback'],
  EXPERT_ROUND_DEADLINE: ['now'],
  ASSOCIATION_ROUND_DEADLINE: ['now'],
  SUBMIT_TO_GOVERNMENT_OFFICE: ['now', 'unansweredFeedbackCount'],
  REVISE_PLAN: ['now'],
  RETURN_FOR_REVISION: ['now'],
  FORWARD_FOR_DECISION: ['now'],
  RECORD_DECISION: ['now'],
  RECORD_IMPLEMENTATION: ['now'],
  IMPLEMENTATION_DEADLINE_PASSED: ['now'],
  AMENDMENT_IN_FORCE: ['now'],
  WITHDRAW: ['now'],
};

// ---- payload validation ----------------------------------------------------------------------

export type { FieldError } from '../../common/field-error';

export type ValidationResult =
  { ok: true; command: RegulationCommand } | { ok: false; errors: FieldError[] };

type Raw = Record<string, unknown>;

class Collector {
  readonly errors: FieldError[] = [];
  fail(field: string, message: string): undefined {
    this.errors.push({ field, message });
    return undefined;
  }
  boolean(raw: Raw, field: string): boolean | undefined {
    const v = raw[field];
    return typeof v === 'boolean' ? v : this.fail(field, 'must be true or false');
  }
  text(raw: Raw, field: string, opts: { optional?: boolean; max?: number } = {}) {
    const v = raw[field];
    if (v === undefined || v === null) {
      return opts.optional ? undefined : this.fail(field, 'is required');
    }
    if (typeof v !== 'string' || v.trim() === '') {
      return this.fail(field, 'must be a non-empty string');
    }
    const max = opts.max ?? 10_000;
    if (v.length > max) return this.fail(field, `must be at most ${max} characters`);
    return v.trim();
  }
  optionalText(raw: Raw, field: string): string | undefined {
    const v = raw[field];
    if (v === undefined || v === null || v === '') return undefined;
    return this.text(raw, field, { optional: true });
  }
  parsed(raw: Raw, field: string, parse: (v: unknown) => string): string | undefined {
    const v = raw[field];
    if (v === undefined || v === null || v === '') return this.fail(field, 'is required');
    try {
      return parse(v);
    } catch (e) {
      if (e instanceof DateTimeFormatError) return this.fail(field, e.message);
      throw e;
    }
  }
  cycle(raw: Raw): number | undefined {
    const v = raw.cycle;
    if (v === undefined || v === null) return undefined;
    return Number.isInteger(v) && (v as number) >= 1
      ? (v as number)
      : this.fail('cycle', 'must be a positive integer');
  }
}

/**
 * Checks and normalises an event body `{type, ...payload}`: deadlines become UTC ISO strings,
 * strings are trimmed, expert ids de-duplicated, unknown fields dropped. Whether the current state
 * accepts the event, and whether its guards pass, is decided by the machine, not here: an empty
 * `expertIds` list is valid here and refused by the `atLeastOneExpert` guard.
 */
export function validateEvent(body: unknown): ValidationResult {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, errors: [{ field: 'type', message: 'the event must be a JSON object' }] };
  }
  const raw = body as Raw;
  if (!isRegulationEventType(raw.type)) {
    return {
      ok: false,
      errors: [
        {
          field: 'type',
          message: `must be one of ${REGULATION_EVENT_TYPES.join(', ')}`,
        },
      ],
    };
  }
  const c = new Collector();
  const command = buildCommand(raw.type, raw, c);
  return c.errors.length > 0 || !command ? { ok: false, errors: c.errors } : { ok: true, command };
}

function buildCommand(
  type: RegulationEventType,
  raw: Raw,
  c: Collector,
): RegulationCommand | undefined {
  switch (type) {
    case 'SUBMIT_FOR_REVIEW':
    case 'CONFIRM_BASELINE':
    case 'CLOSE_EXPERT_ROUND':
    case 'SUBMIT_TO_GOVERNMENT_OFFICE':
    case 'IMPLEMENTATION_DEADLINE_PASSED':
    case 'AMENDMENT_IN_FORCE':
      return { type };
    case 'EXPERT_ROUND_DEADLINE':
    case 'ASSOCIATION_ROUND_DEADLINE': {
      const cycle = c.cycle(raw);
      return cycle === undefined ? { type } : { type, cycle };
    }
    case 'COMPLETE_REVIEW': {
      const necessary = c.boolean(raw, 'necessary');
      const legal = c.boolean(raw, 'legal');
      const reasonable = c.boolean(raw, 'reasonable');
      const notes = c.optionalText(raw, 'notes');
      if (necessary === undefined || legal === undefined || reasonable === undefined) return;
      return { type, necessary, legal, reasonable, ...(notes !== undefined && { notes }) };
    }
    case 'OPEN_CONSULTATION': {
      const expertDeadline = c.parsed(raw, 'expertDeadline', parseDeadline);
      const associationDeadline = c.parsed(raw, 'associationDeadline', parseDeadline);
      let expertIds: string[] | undefined;
      if (!Array.isArray(raw.expertIds)) {
        c.fail('expertIds', 'must be an array of expert user ids');
      } else if (raw.expertIds.some((id) => typeof id !== 'string' || id.trim() === '')) {
        c.fail('expertIds', 'every expert id must be a non-empty string');
      } else {
        expertIds = [...new Set((raw.expertIds as string[]).map((id) => id.trim()))];
      }
      if (!expertDeadline || !associationDeadline || !expertIds) return;
      return { type, expertDeadline, associationDeadline, expertIds };
    }
    case 'REVISE_PLAN': {
      const reason = c.optionalText(raw, 'reason');
      return reason === undefined ? { type } : { type, reason };
    }
    case 'FORWARD_FOR_DECISION': {
      const note = c.optionalText(raw, 'note');
      return note === undefined ? { type } : { type, note };
    }
    case 'RETURN_FOR_REVISION': {
      // One reason may come as a plain string; store a list either way.
      const v = typeof raw.reasons === 'string' ? [raw.reasons] : raw.reasons;
      if (
        !Array.isArray(v) ||
        v.length === 0 ||
        v.some((r) => typeof r !== 'string' || r.trim() === '')
      ) {
        return c.fail('reasons', 'must be a non-empty list of non-empty strings');
      }
      return { type, reasons: (v as string[]).map((r) => r.trim()) };
    }
    case 'RECORD_DECISION': {
      const outcome = raw.outcome;
      if (outcome !== 'approved' && outcome !== 'rejected') {
        c.fail('outcome', 'must be "approved" or "rejected"');
      }
      const decisionNumber = c.text(raw, 'decisionNumber', { max: 100 });
      const decisionDate = c.parsed(raw, 'decisionDate', parseCalendarDate);
      let implementationDeadline: string | undefined;
      if (outcome === 'approved' || raw.implementationDeadline != null) {
        implementationDeadline = c.parsed(raw, 'implementationDeadline', parseDeadline);
      }
      if (c.errors.length > 0 || !decisionNumber || !decisionDate) return;
      return {
        type,
        outcome: outcome as 'approved' | 'rejected',
        decisionNumber,
        decisionDate,
        ...(implementationDeadline !== undefined && { implementationDeadline }),
      };
    }
    case 'RECORD_IMPLEMENTATION': {
      const given = c.text(raw, 'amendingDocumentNumber', { max: 100 });
      const effectiveDate = c.parsed(raw, 'effectiveDate', parseCalendarDate);
      const type_ = raw.amendingDocumentType ?? undefined;
      // The register's own rule for document numbers (domain.md §3): "05/TT-BYT" has no year.
      const number = given === undefined ? undefined : checkAmendingDocumentNumber(given, type_);
      if (number && !number.ok) for (const e of number.errors) c.fail(e.field, e.message);
      let amendingDocumentId: string | undefined;
      if (raw.amendingDocumentId != null) {
        if (typeof raw.amendingDocumentId !== 'string' || !isUuid(raw.amendingDocumentId)) {
          c.fail('amendingDocumentId', 'must be the id (UUID) of a legal document');
        } else {
          amendingDocumentId = raw.amendingDocumentId.toLowerCase();
        }
      }
      let amendingDocument: RecordImplementationEvent['amendingDocument'];
      if (raw.amendingDocument != null) {
        const d = raw.amendingDocument;
        if (typeof d !== 'object' || Array.isArray(d)) {
          c.fail('amendingDocument', 'must be an object {issuer, title, issuedOn}');
        } else {
          const doc = d as Raw;
          const issuer = c.text(doc, 'issuer', { max: 255 });
          const title = c.text(doc, 'title', { max: 1000 });
          const issuedOn = c.parsed(doc, 'issuedOn', parseCalendarDate);
          // Name the nested fields as the caller wrote them.
          for (const e of c.errors) {
            if (['issuer', 'title', 'issuedOn'].includes(e.field)) {
              e.field = `amendingDocument.${e.field}`;
            }
          }
          if (issuedOn && effectiveDate && issuedOn > effectiveDate) {
            c.fail('amendingDocument.issuedOn', 'must not be after effectiveDate');
          }
          if (issuer && title && issuedOn) amendingDocument = { issuer, title, issuedOn };
        }
      }
      if (c.errors.length > 0 || !number?.ok || !effectiveDate) return;
      return {
        type,
        amendingDocumentNumber: number.number,
        effectiveDate,
        ...(type_ !== undefined && { amendingDocumentType: type_ as LegalDocumentType }),
        ...(amendingDocumentId !== undefined && { amendingDocumentId }),
        ...(amendingDocument !== undefined && { amendingDocument }),
      };
    }
    case 'WITHDRAW': {
      const reason = c.text(raw, 'reason');
      return reason === undefined ? undefined : { type, reason };
    }
  }
}

/**
 * Checks the facts object the service built. A bad `now` is a programming error, not bad input,
 * so it throws.
 */
export function normalizeFacts(facts: FactsInput): FactsInput {
  if (typeof facts !== 'object' || facts === null) {
    throw new TypeError('workflow facts must be an object with at least `now`');
  }
  return { ...facts, now: parseInstant(facts.now) };
}
