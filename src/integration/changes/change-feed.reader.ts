import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { FeedRepository } from '../persistence/feed.repository';

/** One event of the change feed, for in-process consumers (notifications). */
export interface FeedEvent {
  /** Gap-free position: a consumer that stored N never finds a new event below N. */
  seq: number;
  id: string;
  type: string;
  regulationId: string | null;
  agencyId: string | null;
  occurredAt: Date;
  data: Record<string, unknown>;
}

/**
 * The change feed for other modules of this process (the port; its SQL stays here). Read in the
 * consumer's transaction, so the consumer can advance its own cursor atomically with its effects.
 */
@Injectable()
export class ChangeFeedReader {
  constructor(private readonly feed: FeedRepository) {}

  async after(manager: EntityManager, after: number, limit: number): Promise<FeedEvent[]> {
    const rows = await this.feed.eventsAfter(manager, after, limit);
    return rows.map((r) => ({
      seq: Number(r.seq),
      id: r.id,
      type: r.type,
      regulationId: r.regulation_id,
      agencyId: r.agency_id,
      occurredAt: new Date(r.occurred_at),
      data: r.data,
    }));
  }
}
