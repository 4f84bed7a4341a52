import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { EventDraft, OUTBOX_SOURCES, OutboxRow } from '../domain/events';
import { FeedScope } from '../domain/visibility';

/** Key of the advisory lock held by the one sequencer at a time (any number fits; fixed). */
const SEQUENCER_LOCK = 1_796_292_145;

/** An event with its feed position, id and delivery body. */
export interface SequencedEvent extends EventDraft {
  seq: number;
  id: string;
  /** The signed delivery's body; null when no subscription wants the event's type. */
  body: string | null;
}

export interface FeedRow {
  seq: string;
  id: string;
  type: string;
  occurred_at: Date;
  data: Record<string, unknown>;
}

/** The outbox tables, the change feed (integration_event) and the fan-out to deliveries. */
@Injectable()
export class FeedRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Only one sequencer at a time, across processes; false when another holds it. */
  async tryLockSequencer(m: EntityManager): Promise<boolean> {
    const [row] = await m.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [SEQUENCER_LOCK]);
    return row.locked === true;
  }

  /** Committed, undelivered rows of every outbox, oldest first, one list per table. */
  async pendingOutboxRows(m: EntityManager, limit: number): Promise<OutboxRow[][]> {
    const perSource: OutboxRow[][] = [];
    for (const source of OUTBOX_SOURCES) {
      const out: OutboxRow[] = [];
      perSource.push(out);
      const rows: Array<{
        id: string;
        topic: string;
        regulation_id: string;
        payload: Record<string, unknown>;
        created_at: Date;
      }> = await m.query(
        `SELECT id, topic, regulation_id, payload, created_at FROM ${source}
          WHERE dispatched_at IS NULL ORDER BY id LIMIT $1`,
        [limit],
      );
      for (const r of rows) {
        out.push({
          source,
          id: Number(r.id),
          topic: r.topic,
          regulationId: r.regulation_id,
          payload: r.payload,
          createdAt: new Date(r.created_at),
        });
      }
    }
    return perSource;
  }

  async lastSeq(m: EntityManager): Promise<number> {
    const [row] = await m.query(`SELECT coalesce(max(seq), 0) AS seq FROM integration_event`);
    return Number(row.seq);
  }

  async insertEvents(m: EntityManager, events: SequencedEvent[], now: Date): Promise<void> {
    if (events.length === 0) return;
    // One JSON document for the batch: pg escapes a text[] parameter character by character in
    // JavaScript (the largest cost of the sequencer), JSON.stringify is native.
    await m.query(
      `INSERT INTO integration_event (seq, id, type, regulation_id, agency_id, is_public,
              occurred_at, data, public_data, source, source_id, recorded_at)
       SELECT e.seq, e.id, e.type, e.regulation_id, e.agency_id, e.is_public, e.occurred_at,
              e.data, e.public_data, e.source, e.source_id, $2
         FROM jsonb_to_recordset($1::jsonb)
           AS e(seq bigint, id uuid, type text, regulation_id uuid, agency_id uuid,
                is_public boolean, occurred_at timestamptz, data jsonb, public_data jsonb,
                source text, source_id bigint)`,
      [
        JSON.stringify(
          events.map((e) => ({
            seq: e.seq,
            id: e.id,
            type: e.type,
            regulation_id: e.regulationId,
            agency_id: e.agencyId,
            is_public: e.isPublic,
            occurred_at: e.occurredAt.toISOString(),
            data: e.data,
            public_data: e.publicData ?? null,
            source: e.source,
            source_id: e.sourceId,
          })),
        ),
        now,
      ],
    );
  }

  /** The event types some active subscription wants ('*' among them when one wants all). */
  async subscribedTypes(m: EntityManager): Promise<Set<string>> {
    const rows: Array<{ type: string }> = await m.query(
      `SELECT DISTINCT unnest(events) AS type FROM webhook_subscription WHERE active`,
    );
    return new Set(rows.map((r) => r.type));
  }

  /**
   * One delivery per event and active subscription that wants its type and may see its record
   * (an agency-limited subscription only its agency's records). Returns how many were queued.
   */
  async fanOut(m: EntityManager, events: SequencedEvent[], now: Date): Promise<number> {
    events = events.filter((e) => e.body !== null);
    if (events.length === 0) return 0;
    const rows: unknown[] = await m.query(
      `INSERT INTO webhook_delivery (id, subscription_id, event_id, event_seq, event_type,
              regulation_id, body, status, attempts, next_attempt_at, created_at)
       SELECT gen_random_uuid(), s.id, e.id, e.seq, e.type, e.regulation_id, e.body, 'pending', 0,
              $7, $7
         FROM unnest($1::uuid[], $2::bigint[], $3::text[], $4::uuid[], $5::uuid[], $6::text[])
           AS e(id, seq, type, regulation_id, agency_id, body)
         JOIN webhook_subscription s
           ON s.active
          AND ('*' = ANY (s.events) OR e.type = ANY (s.events))
          AND (s.agency_id IS NULL OR s.agency_id = e.agency_id)
       RETURNING id`,
      [
        events.map((e) => e.id),
        events.map((e) => e.seq),
        events.map((e) => e.type),
        events.map((e) => e.regulationId),
        events.map((e) => e.agencyId),
        events.map((e) => e.body),
        now,
      ],
    );
    return rows.length;
  }

  async markDispatched(m: EntityManager, rows: OutboxRow[], now: Date): Promise<void> {
    for (const source of OUTBOX_SOURCES) {
      const ids = rows.filter((r) => r.source === source).map((r) => r.id);
      if (ids.length === 0) continue;
      await m.query(`UPDATE ${source} SET dispatched_at = $2 WHERE id = ANY ($1::bigint[])`, [
        ids,
        now,
      ]);
    }
  }

  /**
   * A page of the feed after `after`, with the caller's visibility, and the feed's head at the
   * same snapshot: when fewer rows than `limit` match, every position up to the head was read.
   */
  async page(
    scope: FeedScope,
    after: number,
    limit: number,
    types: string[] | null,
  ): Promise<{ rows: FeedRow[]; head: number }> {
    const visible =
      scope.kind === 'all'
        ? `$4::uuid IS NULL`
        : scope.kind === 'agency'
          ? `(e.agency_id = $4::uuid OR e.is_public)`
          : `e.is_public AND $4::uuid IS NULL`;
    const dataOf =
      scope.kind === 'all'
        ? `e.data`
        : scope.kind === 'agency'
          ? `CASE WHEN e.agency_id = $4::uuid THEN e.data ELSE e.public_data END`
          : `e.public_data`;
    const rows: Array<FeedRow & { head: string }> = await this.dataSource.query(
      `WITH head AS (SELECT coalesce(max(seq), 0) AS head FROM integration_event),
            page AS (
              SELECT e.seq, e.id, e.type, e.occurred_at, ${dataOf} AS data
                FROM integration_event e
               WHERE e.seq > $1 AND ${visible} AND ($3::text[] IS NULL OR e.type = ANY ($3::text[]))
               ORDER BY e.seq LIMIT $2)
       SELECT head.head, page.* FROM head LEFT JOIN page ON true ORDER BY page.seq`,
      [after, limit, types, scope.kind === 'agency' ? scope.agencyId : null],
    );
    const head = rows.length ? Number(rows[0].head) : 0;
    return { rows: rows.filter((r) => r.seq !== null), head };
  }

  /** Every event after `after` (full data), in feed order, read in the caller's transaction. */
  async eventsAfter(m: EntityManager, after: number, limit: number): Promise<FeedEventRow[]> {
    return m.query(
      `SELECT seq, id, type, regulation_id, agency_id, occurred_at, data FROM integration_event
        WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [after, limit],
    );
  }
}

export interface FeedEventRow extends FeedRow {
  regulation_id: string | null;
  agency_id: string | null;
}
