import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Clock } from '../common/clock';
import { isUuid } from '../common/ids';
import { DEFAULT_LIMIT, decodeCursor, invalidCursor, Page, toPage } from '../common/pagination';
import { ProblemException, ValidationProblem } from '../common/problem';
import { msg } from '../common/i18n/catalogue';
import { TransactionRunner } from '../database/transaction-runner';
import { Principal } from '../identity/domain/principal';
import { SectorEntity } from '../register/persistence/sector.entity';
import { NOTIFICATION_KINDS } from './domain/kinds';
import {
  NotificationDto,
  NotificationListQuery,
  PreferencesDto,
  UpdatePreferencesDto,
} from './http/notification.dto';
import { NotificationRepository, NotificationRow } from './persistence/notification.repository';

const toDto = (n: NotificationRow): NotificationDto => ({
  id: n.id,
  kind: n.kind,
  title: n.title,
  body: n.body,
  link: n.link,
  regulationId: n.regulationId,
  read: n.readAt !== null,
  readAt: n.readAt ? new Date(n.readAt).toISOString() : null,
  createdAt: new Date(n.createdAt).toISOString(),
});

/** The caller's own inbox and preferences: every query is bound to the caller's user id. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async list(p: Principal, q: NotificationListQuery): Promise<Page<NotificationDto>> {
    const limit = q.limit ?? DEFAULT_LIMIT;
    const after = decodeCursor(q.cursor, 2);
    if (
      after &&
      (typeof after[0] !== 'string' ||
        Number.isNaN(Date.parse(after[0])) ||
        typeof after[1] !== 'string' ||
        !isUuid(after[1]))
    ) {
      throw invalidCursor();
    }
    const rows = await this.notifications.list(userOf(p), {
      unread: q.unread === true,
      limit,
      before: after ? [after[0] as string, after[1] as string] : undefined,
    });
    return toPage(rows, limit, toDto, (r) => [new Date(r.createdAt).toISOString(), r.id]);
  }

  async unreadCount(p: Principal) {
    return { unread: await this.notifications.unreadCount(userOf(p)) };
  }

  async markRead(p: Principal, id: string): Promise<NotificationDto> {
    const row = await this.notifications.markRead(userOf(p), id, this.clock.now());
    // Another user's notification is a 404, like one that does not exist.
    if (!row) throw new ProblemException(404, 'not-found', msg('notification.noSuch'));
    return toDto(row);
  }

  async markAllRead(p: Principal) {
    return { marked: await this.notifications.markAllRead(userOf(p), this.clock.now()) };
  }

  async preferences(p: Principal): Promise<PreferencesDto> {
    const userId = userOf(p);
    const prefs = await this.notifications.preferences(userId);
    return {
      kinds: NOTIFICATION_KINDS.map(
        (kind) => prefs.get(kind) ?? { kind, email: true, inApp: true },
      ),
      sectors: await this.notifications.sectors(userId),
    };
  }

  async updatePreferences(p: Principal, dto: UpdatePreferencesDto): Promise<PreferencesDto> {
    const userId = userOf(p);
    const kinds = dto.kinds ?? [];
    if (new Set(kinds.map((k) => k.kind)).size !== kinds.length) {
      throw new ValidationProblem([{ field: 'kinds', message: 'a kind must not repeat' }]);
    }
    await this.transactions.run(async ({ manager }) => {
      await this.notifications.setPreferences(manager, userId, kinds);
      if (dto.sectors) {
        const codes = [...new Set(dto.sectors)];
        const known = await manager.find(SectorEntity, { where: { code: In(codes) } });
        const unknown = codes.filter((c) => !known.some((s) => s.code === c));
        if (unknown.length > 0) {
          throw new ValidationProblem([
            { field: 'sectors', message: `unknown sector code(s): ${unknown.join(', ')}` },
          ]);
        }
        await this.notifications.setSectors(manager, userId, codes);
      }
    });
    return this.preferences(p);
  }
}

/** The inbox belongs to a user; API keys have none (the routes are users-only). */
function userOf(p: Principal): string {
  if (!p.userId) throw new ProblemException(403, 'forbidden', msg('notification.usersOnly'));
  return p.userId;
}
