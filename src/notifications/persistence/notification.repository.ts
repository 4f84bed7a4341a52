import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface NotificationRow {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string;
  regulationId: string | null;
  readAt: Date | null;
  createdAt: Date;
}

export interface Preference {
  kind: string;
  email: boolean;
  inApp: boolean;
}

const SELECT = `SELECT id, kind, title, body, link, regulation_id AS "regulationId",
                       read_at AS "readAt", created_at AS "createdAt" FROM notification`;

/** `query` returns [rows, count] for UPDATE … RETURNING and rows for SELECT/INSERT. */
function rowsOf<T>(r: unknown): T[] {
  const a = r as unknown[];
  return (Array.isArray(a[0]) ? a[0] : a) as T[];
}

/** The inbox, the preferences, the followed sectors and the feed cursor (notifications' own tables). */
@Injectable()
export class NotificationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts unless the dedupe key exists; true when this call wrote it. */
  async insert(
    m: EntityManager,
    n: {
      userId: string;
      kind: string;
      title: string;
      body: string;
      link: string;
      regulationId: string | null;
      dedupeKey: string;
      at: Date;
    },
  ): Promise<boolean> {
    const rows = rowsOf(
      await m.query(
        `INSERT INTO notification (user_id, kind, title, body, link, regulation_id, dedupe_key, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
        [n.userId, n.kind, n.title, n.body, n.link, n.regulationId, n.dedupeKey, n.at],
      ),
    );
    return rows.length > 0;
  }

  /** Newest first; keyset on (created_at, id). */
  async list(
    userId: string,
    q: { unread: boolean; limit: number; before?: [string, string] },
  ): Promise<NotificationRow[]> {
    return this.dataSource.query(
      `${SELECT} WHERE user_id = $1 AND (NOT $2 OR read_at IS NULL)
          AND ($3::timestamptz IS NULL OR (created_at, id) < ($3::timestamptz, $4::uuid))
        ORDER BY created_at DESC, id DESC LIMIT $5`,
      [userId, q.unread, q.before?.[0] ?? null, q.before?.[1] ?? null, q.limit + 1],
    );
  }

  async unreadCount(userId: string): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return Number(row.n);
  }

  /** Marks one of the user's own notifications read (the first time); null when it is not theirs. */
  async markRead(userId: string, id: string, at: Date): Promise<NotificationRow | null> {
    await this.dataSource.query(
      `UPDATE notification SET read_at = $3 WHERE id = $1 AND user_id = $2 AND read_at IS NULL`,
      [id, userId, at],
    );
    const rows: NotificationRow[] = await this.dataSource.query(
      `${SELECT} WHERE id = $1 AND user_id = $2`,
      [id, userId],
    );
    return rows[0] ?? null;
  }

  async markAllRead(userId: string, at: Date): Promise<number> {
    const rows = rowsOf(
      await this.dataSource.query(
        `UPDATE notification SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL RETURNING id`,
        [userId, at],
      ),
    );
    return rows.length;
  }

  async preferences(userId: string, m: EntityManager = this.dataSource.manager) {
    const rows: Array<{ kind: string; email: boolean; in_app: boolean }> = await m.query(
      `SELECT kind, email, in_app FROM notification_preference WHERE user_id = $1`,
      [userId],
    );
    return new Map<string, Preference>(
      rows.map((r) => [r.kind, { kind: r.kind, email: r.email, inApp: r.in_app }]),
    );
  }

  /** The preferences of several users for one kind (absent ⇒ both channels on). */
  async preferencesFor(m: EntityManager, userIds: string[], kind: string) {
    if (userIds.length === 0) return new Map<string, Preference>();
    const rows: Array<{ user_id: string; email: boolean; in_app: boolean }> = await m.query(
      `SELECT user_id, email, in_app FROM notification_preference
        WHERE user_id = ANY ($1::uuid[]) AND kind = $2`,
      [userIds, kind],
    );
    return new Map<string, Preference>(
      rows.map((r) => [r.user_id, { kind, email: r.email, inApp: r.in_app }]),
    );
  }

  async setPreferences(m: EntityManager, userId: string, prefs: Preference[]): Promise<void> {
    for (const p of prefs) {
      await m.query(
        `INSERT INTO notification_preference (user_id, kind, email, in_app) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id, kind) DO UPDATE SET email = EXCLUDED.email, in_app = EXCLUDED.in_app`,
        [userId, p.kind, p.email, p.inApp],
      );
    }
  }

  async sectors(userId: string, m: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows: Array<{ sector_code: string }> = await m.query(
      `SELECT sector_code FROM notification_sector WHERE user_id = $1 ORDER BY sector_code`,
      [userId],
    );
    return rows.map((r) => r.sector_code);
  }

  async setSectors(m: EntityManager, userId: string, sectors: string[]): Promise<void> {
    await m.query(`DELETE FROM notification_sector WHERE user_id = $1`, [userId]);
    if (sectors.length === 0) return;
    await m.query(
      `INSERT INTO notification_sector (user_id, sector_code) SELECT $1, unnest($2::text[])`,
      [userId, sectors],
    );
  }

  /** The users following a sector. */
  async followersOf(m: EntityManager, sectorCode: string): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await m.query(
      `SELECT user_id FROM notification_sector WHERE sector_code = $1`,
      [sectorCode],
    );
    return rows.map((r) => r.user_id);
  }

  /** Locks the cursor row for the caller's transaction (one feed consumer at a time). */
  async lockCursor(m: EntityManager, name: string): Promise<number | null> {
    const rows: Array<{ position: string }> = await m.query(
      `SELECT position FROM notification_cursor WHERE name = $1 FOR UPDATE SKIP LOCKED`,
      [name],
    );
    return rows.length ? Number(rows[0].position) : null;
  }

  async advanceCursor(m: EntityManager, name: string, position: number, at: Date) {
    await m.query(`UPDATE notification_cursor SET position = $2, updated_at = $3 WHERE name = $1`, [
      name,
      position,
      at,
    ]);
  }
}
