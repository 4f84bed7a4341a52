import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { connectionUrl, pgPool } from '../../database/pg-pool';
import { PrincipalRepository, UserAccessFacts } from '../persistence/principal.repository';

export const IDENTITY_CHANNEL = 'regcut_identity';
const MAX_ENTRIES = 10_000;
const RECONNECT_MS = 1_000;
const PROBE_TIMEOUT_MS = 2_000;

/**
 * The access guard's facts per user, kept in memory so an authenticated request costs no read.
 * Correct across API processes: triggers (migration IdentityNotify) announce every change of a
 * user's token version, active flag, role or agency, and of an agency's active flag or kind, on
 * `regcut_identity` at commit; each process LISTENs on its own connection and drops what changed.
 *
 * Staleness is bounded by the notification's delivery: Postgres signals the listening backends at
 * commit, and they forward it at once, but on a loaded machine a request that reaches another
 * process right after the writer's answer can still beat it by the few milliseconds that backend
 * takes to be scheduled (the e2e test waits for it). Tokens are refused as soon as the
 * notification is in. The cache is used
 * only while the listening connection is up and has proved it receives notifications (a probe at
 * start); when it drops, the cache is emptied and every request reads the database until it is
 * back. A read that raced a notification is not stored (generation check). Embedded PGlite:
 * pglite-socket does not relay notifications between its connections (tried: a connection gets
 * its own, not the others'), and the embedded database serves one process; the cache stays off
 * there and each request reads, as before.
 */
@Injectable()
export class PrincipalCache implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PrincipalCache.name);
  private readonly entries = new Map<string, UserAccessFacts>();
  /** Bumped by every invalidation: a read that started before one must not be stored. */
  private generation = 0;
  private listener?: Client;
  private listening = false;
  private stopped = false;
  private reconnectTimer?: NodeJS.Timeout;

  constructor(
    private readonly repository: PrincipalRepository,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Notifications handled so far (tests wait on it). */
  get invalidations(): number {
    return this.handled;
  }

  private handled = 0;

  /** Whether lookups are served from memory now. */
  get enabled(): boolean {
    return this.listening;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.databaseUrl) return; // embedded PGlite: see above
    await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.disable();
    await this.listener?.end().catch(() => undefined);
    this.listener = undefined;
  }

  async get(userId: string): Promise<UserAccessFacts | undefined> {
    if (!this.listening) return this.repository.userAccessFacts(userId);
    const hit = this.entries.get(userId);
    if (hit) return hit;
    const generation = this.generation;
    const facts = await this.repository.userAccessFacts(userId);
    if (facts && this.listening && generation === this.generation) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(userId, facts);
    }
    return facts;
  }

  /** `user:<id>` drops one user; `agency:<id>` (or anything else) drops everything. */
  invalidate(payload: string): void {
    this.generation++;
    this.handled++;
    const [kind, id] = payload.split(':');
    if (kind === 'user' && id) this.entries.delete(id);
    else this.entries.clear();
  }

  private disable(): void {
    this.listening = false;
    this.generation++;
    this.entries.clear();
  }

  private async listen(): Promise<void> {
    const client = new Client({
      connectionString: connectionUrl(this.dataSource),
      application_name: 'regcut-identity-listener',
      connectionTimeoutMillis: 5_000,
      keepAlive: true,
    });
    this.listener = client;
    const probe = `probe:${process.pid}:${Math.random().toString(36).slice(2)}`;
    let probed: () => void = () => undefined;
    const probeSeen = new Promise<void>((resolve) => (probed = resolve));
    client.on('notification', (n) => {
      if (n.channel !== IDENTITY_CHANNEL || !n.payload) return;
      if (n.payload === probe) probed();
      else this.invalidate(n.payload);
    });
    const lost = (err?: Error) => {
      if (this.listener !== client) return;
      this.listener = undefined;
      if (this.listening) this.logger.warn(`identity listener lost (${err?.message ?? 'closed'})`);
      this.disable();
      client.end().catch(() => undefined);
      this.scheduleReconnect();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    try {
      await client.connect();
      await client.query(`LISTEN ${IDENTITY_CHANNEL}`);
      // From another connection: the writers are other connections (pglite-socket, for one,
      // delivers a connection's own notifications but not those of the others).
      await pgPool(this.dataSource).query(`SELECT pg_notify($1, $2)`, [IDENTITY_CHANNEL, probe]);
      const ok = await Promise.race([
        probeSeen.then(() => true),
        new Promise<boolean>((r) => setTimeout(() => r(false), PROBE_TIMEOUT_MS).unref()),
      ]);
      if (this.listener !== client) return;
      if (!ok) {
        this.logger.warn('no notifications on this database: the identity cache stays off');
        this.listener = undefined;
        await client.end().catch(() => undefined);
        return;
      }
      // Anything cached before this point may have missed a notification.
      this.disable();
      this.listening = true;
    } catch (err) {
      lost(err as Error);
    }
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      if (!this.stopped) void this.listen();
    }, RECONNECT_MS);
    this.reconnectTimer.unref();
  }
}
