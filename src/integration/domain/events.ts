import type { EventType } from './event-types';

/** The outbox tables the relay reads, in the order it merges them on equal times. */
export const OUTBOX_SOURCES = [
  'workflow_outbox',
  'consultation_outbox',
  'integration_outbox',
] as const;
export type OutboxSource = (typeof OUTBOX_SOURCES)[number];

/** One committed outbox row, as written by the module that made the change. */
export interface OutboxRow {
  source: OutboxSource;
  id: number;
  topic: string;
  regulationId: string;
  payload: Record<string, unknown>;
  createdAt: Date;
}

/** An event of the change feed before the sequencer gives it its position. */
export interface EventDraft {
  type: EventType;
  regulationId: string | null;
  agencyId: string | null;
  /** Visible to the public and every logged-in user (domain.md §2) … */
  isPublic: boolean;
  occurredAt: Date;
  /** … with `publicData`; the owning agency, the Government Office and admins see `data`. */
  data: Record<string, unknown>;
  publicData: Record<string, unknown> | null;
  source: OutboxSource;
  sourceId: number;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const pick = (o: Record<string, unknown>, keys: string[]) =>
  Object.fromEntries(keys.filter((k) => k in o).map((k) => [k, o[k]]));

/** A regulation is published once it left draft, unless it was withdrawn from draft. */
const publishedBy = (from: string | null, to: string | null) =>
  to !== null && to !== 'draft' && !(to === 'withdrawn' && from === 'draft');

/**
 * Maps an outbox row to the events it stands for. A transition is always
 * `regulation.transitioned`; a RECORD_DECISION is also `decision.recorded` and the implementation
 * deadline passing also `implementation.overdue`. Unknown topics give no event (and are marked
 * dispatched, so they never block the relay).
 */
export function eventsOf(row: OutboxRow): EventDraft[] {
  const p = row.payload;
  const agencyId = str(p.agencyId);
  const base = {
    regulationId: row.regulationId,
    agencyId,
    source: row.source,
    sourceId: row.id,
  };
  const at = (v: unknown) => (typeof v === 'string' ? new Date(v) : row.createdAt);

  switch (row.topic) {
    case 'regulation.transitioned': {
      const from = str(p.fromStateName);
      const to = str(p.toStateName);
      const actor = (p.actor ?? {}) as Record<string, unknown>;
      const publicData = {
        regulationId: row.regulationId,
        agencyId,
        event: p.event,
        fromState: from,
        toState: to,
        version: p.version,
        actorRole: actor.role ?? null,
      };
      const data = {
        ...publicData,
        fromStateValue: p.fromState,
        toStateValue: p.toState,
        historySeq: p.seq,
        actorKind: actor.kind ?? null,
        actorId: actor.id ?? null,
        payload: p.payload ?? {},
      };
      const occurredAt = at(p.at);
      const published = publishedBy(from, to);
      const out: EventDraft[] = [
        {
          ...base,
          type: 'regulation.transitioned',
          isPublic: published,
          occurredAt,
          data,
          publicData: published ? publicData : null,
        },
      ];
      const payload = (p.payload ?? {}) as Record<string, unknown>;
      if (p.event === 'RECORD_DECISION') {
        const decision = {
          regulationId: row.regulationId,
          agencyId,
          ...pick(payload, ['outcome', 'decisionNumber', 'decisionDate', 'implementationDeadline']),
          toState: to,
          version: p.version,
        };
        out.push({
          ...base,
          type: 'decision.recorded',
          isPublic: true,
          occurredAt,
          data: decision,
          publicData: decision,
        });
      }
      if (p.event === 'IMPLEMENTATION_DEADLINE_PASSED') {
        out.push({
          ...base,
          type: 'implementation.overdue',
          isPublic: false,
          occurredAt,
          data: {
            regulationId: row.regulationId,
            agencyId,
            overdueSince: occurredAt.toISOString(),
            version: p.version,
          },
          publicData: null,
        });
      }
      return out;
    }
    case 'regulation.created': {
      const published = p.published === true;
      return [
        {
          ...base,
          type: 'regulation.created',
          isPublic: published,
          occurredAt: row.createdAt,
          data: p,
          publicData: published
            ? pick(p, [
                'regulationId',
                'agencyId',
                'legalDocumentId',
                'provision',
                'title',
                'category',
                'sector',
                'procedureCode',
                'state',
                'version',
              ])
            : null,
        },
      ];
    }
    case 'estimate.changed': {
      const planPublic = p.planPublic === true;
      const { planPublic: _, ...data } = p;
      return [
        {
          ...base,
          type: 'estimate.changed',
          isPublic: planPublic,
          occurredAt: row.createdAt,
          data,
          publicData: planPublic
            ? pick(data, [
                'regulationId',
                'agencyId',
                'estimateId',
                'kind',
                'version',
                'parameterSetId',
                'annualCost',
                'source',
              ])
            : null,
        },
      ];
    }
    case 'consultation.feedback_received':
      // Feedback is seen by its author and the owning agency until the answers are published.
      return [
        {
          ...base,
          type: 'feedback.submitted',
          isPublic: false,
          occurredAt: at(p.at),
          data: strip(p),
          publicData: null,
        },
      ];
    case 'consultation.answer_given':
      return [
        {
          ...base,
          type: 'feedback.answered',
          isPublic: false,
          occurredAt: at(p.at),
          data: strip(p),
          publicData: null,
        },
      ];
    case 'consultation.round_closing_soon':
      return [
        {
          ...base,
          type: 'consultation.closing_soon',
          isPublic: true,
          occurredAt: at(p.at),
          data: strip(p),
          publicData: strip(p),
        },
      ];
    case 'consultation.round_closed':
      return [
        {
          ...base,
          type: 'consultation.closed',
          isPublic: true,
          occurredAt: at(p.at),
          data: strip(p),
          publicData: strip(p),
        },
      ];
    default:
      return [];
  }
}

/** The outbox's own bookkeeping (`topic`, `at`) is not part of the event's data. */
function strip(p: Record<string, unknown>): Record<string, unknown> {
  const { topic: _t, at: _a, ...rest } = p;
  return rest;
}

/** Merge order of one relay batch: the outboxes share one id sequence (then source, for rows older than it). */
export function compareRows(a: OutboxRow, b: OutboxRow): number {
  return a.id - b.id || OUTBOX_SOURCES.indexOf(a.source) - OUTBOX_SOURCES.indexOf(b.source);
}

/**
 * Rows of one batch that may be sequenced now: when a table returned a full batch, its later rows
 * were not read, so rows of other tables beyond its last id wait for the next batch.
 */
export function mergeBatch(perSource: OutboxRow[][], limit: number): OutboxRow[] {
  let cutoff = Infinity;
  for (const rows of perSource) {
    if (rows.length >= limit) cutoff = Math.min(cutoff, rows[rows.length - 1].id);
  }
  return perSource
    .flat()
    .filter((r) => r.id <= cutoff)
    .sort(compareRows);
}

/** The JSON body of a delivery (Standard Webhooks: `{id, type, occurredAt, data}`). */
export function deliveryBody(e: { id: string; type: string; occurredAt: Date; data: unknown }) {
  return JSON.stringify({
    id: e.id,
    type: e.type,
    occurredAt: e.occurredAt.toISOString(),
    data: e.data,
  });
}
