import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { Principal } from '../domain/principal';
import { AdminAuditEntity } from '../persistence/admin-audit.entity';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  changes?: Record<string, unknown>;
}

/** Every admin action is written in the same transaction as the change it records. */
@Injectable()
export class AdminAuditService {
  constructor(private readonly clock: Clock) {}

  async record(manager: EntityManager, actor: Principal | null, entry: AuditEntry): Promise<void> {
    await manager.insert(AdminAuditEntity, {
      at: this.clock.now(),
      actorId: actor?.userId ?? null,
      actorRole: actor?.role ?? 'system',
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      changes: (entry.changes ?? {}) as never,
    });
  }
}

/** The fields that differ between two versions of a record, secrets left out. */
export function diff(
  before: object,
  after: object,
  hidden: string[] = [],
): Record<string, unknown> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, to] of Object.entries(after)) {
    if (hidden.includes(key)) continue;
    const from = (before as Record<string, unknown>)[key];
    if (JSON.stringify(from) !== JSON.stringify(to)) out[key] = { from, to };
  }
  return out;
}
