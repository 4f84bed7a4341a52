/**
 * The payload fields of each event as JSON Schema: the source of the HTTP contract's event body
 * (a `oneOf` with a discriminator on `type`). Typed against the event interfaces, so adding,
 * removing or making optional a payload field without updating this table does not compile.
 * validateEvent stays the checker; this only describes.
 */
import { AMENDING_DOCUMENT_TYPES } from '../../register/domain/amending-document';
import {
  REGULATION_EVENT_TYPES,
  RegulationCommand,
  RegulationEventType,
  TIMER_EVENT_TYPES,
} from './regulation.events';

export type JsonSchema = Record<string, unknown>;
type PayloadOf<T extends RegulationEventType> = Omit<
  Extract<RegulationCommand, { type: T }>,
  'type'
>;
/** Each payload field with its schema; `required` must match the interface's `?`. */
type PayloadDocs<P> = {
  [K in keyof P]-?: { required: object extends Pick<P, K> ? false : true; schema: JsonSchema };
};
export type EventPayloadDocs = { [T in RegulationEventType]: PayloadDocs<PayloadOf<T>> };

const text = (description: string, extra: JsonSchema = {}): JsonSchema => ({
  type: 'string',
  description,
  ...extra,
});
const cycle = { required: false, schema: { type: 'integer', minimum: 1 } } as const;

export const EVENT_PAYLOADS: EventPayloadDocs = {
  SUBMIT_FOR_REVIEW: {},
  COMPLETE_REVIEW: {
    necessary: { required: true, schema: { type: 'boolean' } },
    legal: { required: true, schema: { type: 'boolean' } },
    reasonable: { required: true, schema: { type: 'boolean' } },
    notes: { required: false, schema: { type: 'string' } },
  },
  CONFIRM_BASELINE: {},
  OPEN_CONSULTATION: {
    expertDeadline: {
      required: true,
      schema: text('date-time with offset, or a date (23:59:59 in Vietnam)', {
        example: '2026-12-31',
      }),
    },
    associationDeadline: {
      required: true,
      schema: text('date-time with offset, or a date (23:59:59 in Vietnam)', {
        example: '2026-12-31',
      }),
    },
    expertIds: {
      required: true,
      schema: {
        type: 'array',
        items: { type: 'string', format: 'uuid' },
        description: 'users with the role expert',
      },
    },
  },
  CLOSE_EXPERT_ROUND: {},
  EXPERT_ROUND_DEADLINE: { cycle },
  ASSOCIATION_ROUND_DEADLINE: { cycle },
  SUBMIT_TO_GOVERNMENT_OFFICE: {},
  REVISE_PLAN: { reason: { required: false, schema: { type: 'string' } } },
  RETURN_FOR_REVISION: {
    reasons: { required: true, schema: { type: 'array', items: { type: 'string' } } },
  },
  FORWARD_FOR_DECISION: { note: { required: false, schema: { type: 'string' } } },
  RECORD_DECISION: {
    outcome: { required: true, schema: { type: 'string', enum: ['approved', 'rejected'] } },
    decisionNumber: { required: true, schema: { type: 'string', example: '1661/QĐ-TTg' } },
    decisionDate: { required: true, schema: { type: 'string', format: 'date' } },
    implementationDeadline: {
      required: false,
      schema: text('required when approved: a date-time with offset, or a date'),
    },
  },
  RECORD_IMPLEMENTATION: {
    amendingDocumentNumber: {
      required: true,
      schema: text(
        'checked with the legal-document catalogue’s rule (a normative document carries its year)',
        { example: '05/2026/TT-BYT' },
      ),
    },
    effectiveDate: {
      required: true,
      schema: text(
        'implemented from this day (00:00 in Vietnam); a later day is kept pending by a durable timer',
        { format: 'date' },
      ),
    },
    amendingDocumentType: {
      required: false,
      schema: text('check the number against this type', { enum: [...AMENDING_DOCUMENT_TYPES] }),
    },
    amendingDocumentId: {
      required: false,
      schema: text('the catalogue entry of the amending document', { format: 'uuid' }),
    },
    amendingDocument: {
      required: false,
      schema: {
        type: 'object',
        required: ['issuer', 'title', 'issuedOn'],
        properties: {
          issuer: { type: 'string', example: 'Bộ Y tế' },
          title: { type: 'string' },
          issuedOn: { type: 'string', format: 'date' },
        },
        description:
          'find or add the amending document in the catalogue (effectiveOn = effectiveDate)',
      },
    },
  },
  IMPLEMENTATION_DEADLINE_PASSED: {},
  AMENDMENT_IN_FORCE: {},
  WITHDRAW: { reason: { required: true, schema: { type: 'string' } } },
};

/** The events people send over HTTP (the timer's own events are refused there). */
export const HTTP_EVENT_TYPES = REGULATION_EVENT_TYPES.filter(
  (t) => !(TIMER_EVENT_TYPES as readonly string[]).includes(t),
);
