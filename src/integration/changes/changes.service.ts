import { Injectable } from '@nestjs/common';
import { ValidationProblem } from '../../common/problem';
import { Principal } from '../../identity/domain/principal';
import { isEventType } from '../domain/event-types';
import { feedScope } from '../domain/visibility';
import { ChangePageDto, ChangesQuery } from '../dto/change.dto';
import { FeedRepository } from '../persistence/feed.repository';

/** GET /changes: the change feed in commit order, with the caller's visibility. */
@Injectable()
export class ChangesService {
  constructor(private readonly feed: FeedRepository) {}

  async page(p: Principal, q: ChangesQuery): Promise<ChangePageDto> {
    const after = Number(q.after ?? '0');
    const limit = q.limit ?? 100;
    let types: string[] | null = null;
    if (q.types !== undefined) {
      types = q.types
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean);
      const unknown = types.filter((t) => !isEventType(t));
      if (types.length === 0 || unknown.length > 0) {
        throw new ValidationProblem([
          {
            field: 'types',
            message: `unknown event type(s): ${unknown.join(', ') || '(none given)'}`,
          },
        ]);
      }
    }
    const { rows, head } = await this.feed.page(
      feedScope(p, p.kind === 'api_key'),
      after,
      limit,
      types,
    );
    const items = rows.map((r) => ({
      seq: Number(r.seq),
      id: r.id,
      type: r.type,
      occurredAt: new Date(r.occurred_at).toISOString(),
      data: r.data,
    }));
    // A full page resumes after its last item; a short one read every position up to the head.
    const last = rows.length === limit ? Number(rows[rows.length - 1].seq) : Math.max(head, after);
    return { items, nextCursor: String(last) };
  }
}
