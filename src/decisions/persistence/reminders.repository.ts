import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface ReminderRow {
  id: string;
  regulationId: string;
  agencyId: string;
  note: string;
  overdue: boolean;
  implementationDeadline: string | null;
  sentBy: { id: string | null; fullName: string | null };
  sentAt: string;
  regulation: { title: string; provision: string; stateName: string };
}

const SELECT = `
  SELECT m.*, u.full_name AS sent_by_name, r.title, r.provision, r.state_name
    FROM implementation_reminder m
    JOIN regulation r ON r.id = m.regulation_id
    LEFT JOIN app_user u ON u.id = m.sent_by`;

const toRow = (r: Record<string, any>): ReminderRow => ({
  id: r.id,
  regulationId: r.regulation_id,
  agencyId: r.agency_id,
  note: r.note,
  overdue: r.overdue,
  implementationDeadline: r.implementation_deadline
    ? new Date(r.implementation_deadline).toISOString()
    : null,
  sentBy: { id: r.sent_by ?? null, fullName: r.sent_by_name ?? null },
  sentAt: new Date(r.sent_at).toISOString(),
  regulation: { title: r.title, provision: r.provision, stateName: r.state_name },
});

/** Reminders (đôn đốc) of the Government Office: insert-only. */
@Injectable()
export class RemindersRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(
    manager: EntityManager,
    r: Omit<ReminderRow, 'sentBy' | 'sentAt' | 'regulation'> & {
      sentBy: string | null;
      sentAt: Date;
    },
  ): Promise<ReminderRow> {
    await manager.query(
      `INSERT INTO implementation_reminder
         (id, regulation_id, agency_id, note, overdue, implementation_deadline, sent_by, sent_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        r.id,
        r.regulationId,
        r.agencyId,
        r.note,
        r.overdue,
        r.implementationDeadline,
        r.sentBy,
        r.sentAt,
      ],
    );
    const [row] = await manager.query(`${SELECT} WHERE m.id = $1`, [r.id]);
    return toRow(row);
  }

  /** A regulation's reminders, oldest first. */
  async ofRegulation(regulationId: string): Promise<ReminderRow[]> {
    const rows = await this.dataSource.query(
      `${SELECT} WHERE m.regulation_id = $1 ORDER BY m.sent_at, m.id`,
      [regulationId],
    );
    return rows.map(toRow);
  }

  /** Newest first, one agency or all; keyset on (sent_at, id). */
  async list(q: {
    agencyId: string | null;
    limit: number;
    after?: [string, string];
  }): Promise<ReminderRow[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (q.agencyId) {
      params.push(q.agencyId);
      where.push(`m.agency_id = $${params.length}`);
    }
    if (q.after) {
      params.push(q.after[0], q.after[1]);
      where.push(
        `(m.sent_at, m.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`,
      );
    }
    params.push(q.limit + 1);
    const rows = await this.dataSource.query(
      `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY m.sent_at DESC, m.id DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map(toRow);
  }
}
