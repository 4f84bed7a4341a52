import { Injectable } from '@nestjs/common';
import { AccessPolicy, RegulationAccessFacts } from '../../access/access-policy';
import { requireAccess } from '../../access/require-access';
import { DEFAULT_LIMIT, Page, decodeCursor, toPage } from '../../common/pagination';
import { ProblemException, ValidationProblem } from '../../common/problem';
import { Principal } from '../../identity/domain/principal';
import { WorkflowHistoryRepository } from '../persistence/workflow-history.repository';
import { ChainVerification, ChainedEntry, verifyChain } from './history-chain';
import { msg } from '../../common/i18n/catalogue';

export interface HistoryEntryView {
  seq: number;
  at: string;
  actorId: string | null;
  actorKind: 'user' | 'api_key' | 'system';
  actorRole: string;
  event: string;
  fromState: unknown;
  toState: unknown;
  fromStateName: string;
  toStateName: string;
  payload: Record<string, unknown>;
  hash: string;
}

const VERIFY_BATCH = 1000;

function toChained(r: any): ChainedEntry {
  return {
    regulationId: r.regulation_id,
    seq: r.seq,
    at: new Date(r.at).toISOString(),
    actorId: r.actor_id,
    actorKind: r.actor_kind,
    actorRole: r.actor_role,
    actorAgencyId: r.actor_agency_id,
    event: r.event,
    fromState: r.from_state,
    toState: r.to_state,
    fromStateName: r.from_state_name,
    toStateName: r.to_state_name,
    payload: r.payload,
    machineVersion: r.machine_version,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

const toView = (r: any): HistoryEntryView => ({
  seq: r.seq,
  at: new Date(r.at).toISOString(),
  actorId: r.actor_id,
  actorKind: r.actor_kind,
  actorRole: r.actor_role,
  event: r.event,
  fromState: r.from_state,
  toState: r.to_state,
  fromStateName: r.from_state_name,
  toStateName: r.to_state_name,
  payload: r.payload,
  hash: r.hash,
});

/** Reading and verifying a regulation's workflow history (nhật ký xử lý). */
@Injectable()
export class WorkflowHistoryService {
  constructor(private readonly repository: WorkflowHistoryRepository) {}

  private async regulationAccess(id: string): Promise<RegulationAccessFacts> {
    const access = await this.repository.access(id);
    if (!access) throw new ProblemException(404, 'not-found', msg('regulation.noSuch'));
    return access;
  }

  /** Entries in order (seq ascending), for those who may read the regulation's internals. */
  async list(
    principal: Principal | undefined,
    regulationId: string,
    q: { limit?: number; cursor?: string },
  ): Promise<Page<HistoryEntryView>> {
    requireAccess(
      AccessPolicy.readRegulationInternals(principal, await this.regulationAccess(regulationId)),
      'regulation',
    );
    const limit = q.limit ?? DEFAULT_LIMIT;
    const after = decodeCursor(q.cursor, 1);
    if (after && !(Number.isInteger(after[0]) && (after[0] as number) >= 0)) {
      throw new ValidationProblem([
        { field: 'cursor', message: 'cursor is not valid; use nextCursor from a previous page' },
      ]);
    }
    const rows = await this.repository.entries(
      regulationId,
      after ? (after[0] as number) : 0,
      limit + 1,
    );
    return toPage(rows, limit, toView, (r: any) => [r.seq]);
  }

  /** Recomputes the whole hash chain; reports the first entry that does not check out. */
  async verify(principal: Principal, regulationId: string): Promise<ChainVerification> {
    requireAccess(
      AccessPolicy.readRegulationInternals(principal, await this.regulationAccess(regulationId)),
      'regulation',
    );
    const entries: ChainedEntry[] = [];
    for (let after = 0; ;) {
      const rows = await this.repository.entries(regulationId, after, VERIFY_BATCH);
      entries.push(...rows.map(toChained));
      if (rows.length < VERIFY_BATCH) break;
      after = rows[rows.length - 1].seq;
    }
    const { valid, entries: count, brokenAt } = verifyChain(entries);
    return { valid, entries: count, brokenAt };
  }
}
