import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import {
  decodeCursor,
  DEFAULT_LIMIT,
  encodeCursor,
  invalidCursor,
  Page,
} from '../../common/pagination';
import { ProblemException } from '../../common/problem';
import { Principal } from '../domain/principal';
import { ExpertRow, ExpertsRepository } from '../persistence/experts.repository';
import { ExpertListQuery, UpdateExpertProfileDto } from './expert.dto';
import { isUuid } from '../../common/ids';
import { msg } from '../../common/i18n/catalogue';

export interface ExpertView {
  id: string;
  fullName: string;
  organisation: { id: string; code: string; name: string };
  field: string | null;
  /** Only when the expert agreed to show it. */
  email: string | null;
}

export function expertView(r: ExpertRow): ExpertView {
  return {
    id: r.id,
    fullName: r.fullName,
    organisation: r.agency,
    field: r.field,
    email: r.shareEmail ? r.email : null,
  };
}

/** The expert directory: whom an officer may invite to a consultation's expert round. */
@Injectable()
export class ExpertsService {
  constructor(
    private readonly experts: ExpertsRepository,
    private readonly clock: Clock,
  ) {}

  async list(q: ExpertListQuery): Promise<Page<ExpertView>> {
    const limit = q.limit ?? DEFAULT_LIMIT;
    const key = decodeCursor(q.cursor, 2);
    if (key && (typeof key[0] !== 'string' || typeof key[1] !== 'string' || !isUuid(key[1]))) {
      throw invalidCursor();
    }
    const search = q.search?.trim() || undefined;
    const rows = await this.experts.list({
      search,
      limit,
      after: key ? [key[0] as string, key[1] as string] : undefined,
    });
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map(expertView),
      nextCursor: rows.length > limit ? encodeCursor([last.fullName, last.id]) : null,
    };
  }

  async own(p: Principal) {
    const row = await this.experts.find(p.userId!);
    if (!row) throw new ProblemException(404, 'not-found', msg('expert.notInDirectory'));
    return { ...expertView(row), email: row.email, shareEmail: row.shareEmail };
  }

  /** An expert edits their own directory entry: their field, and whether their e-mail shows. */
  async updateOwn(p: Principal, dto: UpdateExpertProfileDto) {
    const field =
      dto.field === undefined ? undefined : dto.field === null ? null : dto.field.trim() || null;
    await this.experts.saveProfile(
      p.userId!,
      { field, shareEmail: dto.shareEmail },
      this.clock.now(),
    );
    return this.own(p);
  }
}
