import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { TransactionRunner } from '../../database/transaction-runner';
import { PasswordHasher } from '../auth/password-hasher';
import { AgencyKind, Role } from '../domain/roles';
import { DEMO_AGENCIES, DEMO_PASSWORD, DEMO_USERS } from './demo-identities';

const SYSTEM_AGENCY = {
  code: 'SYSTEM',
  name: 'Quản trị hệ thống regcut',
  kind: 'other' as AgencyKind,
};

/** On start: the admin from ADMIN_EMAIL/ADMIN_PASSWORD if none exists, and the demo logins. Idempotent. */
@Injectable()
export class IdentitySeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('IdentitySeeder');
  private finished!: () => void;
  /** Resolves once agencies and users are seeded, for seeders of data that refers to them. */
  readonly done = new Promise<void>((resolve) => (this.finished = resolve));

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly hasher: PasswordHasher,
  ) {}

  async onApplicationBootstrap() {
    try {
      await this.seedAdmin();
      if (this.config.demoData) await this.seedDemo();
    } finally {
      this.finished();
    }
  }

  async seedAdmin() {
    const { adminEmail, adminPassword } = this.config;
    if (!adminEmail || !adminPassword) return;
    await this.transactions.run(async ({ manager }) => {
      // One seeder at a time across processes starting together.
      await manager.query(`SELECT pg_advisory_xact_lock(6820200)`);
      const [{ count }] = await manager.query(
        `SELECT count(*)::int AS count FROM app_user WHERE role = 'admin' AND active`,
      );
      if (count > 0) return;
      const agencyId = await this.ensureAgency(manager, SYSTEM_AGENCY);
      await this.ensureUser(
        manager,
        { email: adminEmail, fullName: 'Administrator', role: 'admin', agencyId },
        adminPassword,
      );
      this.logger.log(`created the administrator ${adminEmail}`);
    });
  }

  async seedDemo() {
    await this.transactions.run(async ({ manager }) => {
      await manager.query(`SELECT pg_advisory_xact_lock(6820200)`);
      const ids = new Map<string, string>();
      for (const a of DEMO_AGENCIES) ids.set(a.code, await this.ensureAgency(manager, a));
      const hash = await this.hasher.hash(DEMO_PASSWORD);
      for (const u of DEMO_USERS) {
        await this.ensureUser(manager, { ...u, agencyId: ids.get(u.agency)! }, undefined, hash);
        // Once: an expert's own later edits of their entry stay.
        if (u.expert) {
          await manager.query(
            `INSERT INTO expert_profile (user_id, field, share_email)
             SELECT id, $2, $3 FROM app_user WHERE lower(email) = lower($1)
             ON CONFLICT (user_id) DO NOTHING`,
            [u.email, u.expert.field, u.expert.shareEmail],
          );
        }
      }
    });
  }

  private async ensureAgency(
    m: EntityManager,
    a: { code: string; name: string; kind: AgencyKind },
  ): Promise<string> {
    await m.query(
      `INSERT INTO agency (id, code, name, kind) VALUES ($1, $2, $3, $4) ON CONFLICT (upper(code)) DO NOTHING`,
      [randomUUID(), a.code, a.name, a.kind],
    );
    const [row] = await m.query(`SELECT id FROM agency WHERE upper(code) = upper($1)`, [a.code]);
    return row.id;
  }

  private async ensureUser(
    m: EntityManager,
    u: { email: string; fullName: string; role: Role; agencyId: string },
    password?: string,
    hash?: string,
  ) {
    const exists = await m.query(`SELECT 1 FROM app_user WHERE lower(email) = lower($1)`, [
      u.email,
    ]);
    if (exists.length) return;
    await m.query(
      `INSERT INTO app_user (id, email, full_name, role, agency_id, password_hash) VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        randomUUID(),
        u.email,
        u.fullName,
        u.role,
        u.agencyId,
        hash ?? (await this.hasher.hash(password!)),
      ],
    );
  }
}
