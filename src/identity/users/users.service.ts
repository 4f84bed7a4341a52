import { cleanLine } from '../../common/clean-text';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { decodeCursor, Page, toPage } from '../../common/pagination';
import { ProblemException, ValidationProblem } from '../../common/problem';
import { TransactionRunner } from '../../database/transaction-runner';
import { AdminAuditService, diff } from '../audit/admin-audit.service';
import { PasswordHasher } from '../auth/password-hasher';
import { Principal } from '../domain/principal';
import { agencyKindsForRole, Role, roleFitsAgency } from '../domain/roles';
import { AgencyEntity } from '../persistence/agency.entity';
import { UserEntity } from '../persistence/user.entity';
import {
  ChangePasswordDto,
  CreateUserDto,
  UpdateUserDto,
  UserListQuery,
  UserView,
} from './user.dto';
import { AccountRepository } from '../persistence/account.repository';
import { msg } from '../../common/i18n/catalogue';

export const userView = (u: UserEntity): UserView => ({
  id: u.id,
  email: u.email,
  fullName: u.fullName,
  role: u.role,
  agencyId: u.agencyId,
  active: u.active,
});

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: AccountRepository,
    private readonly transactions: TransactionRunner,
    private readonly hasher: PasswordHasher,
    private readonly audit: AdminAuditService,
  ) {}

  async list(q: UserListQuery): Promise<Page<UserView>> {
    const limit = q.limit ?? 50;
    const after = decodeCursor(q.cursor, 2);
    const qb = this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .orderBy('lower(u.email)')
      .addOrderBy('u.id')
      .limit(limit + 1);
    if (q.agencyId) qb.andWhere('u.agency_id = :agencyId', { agencyId: q.agencyId });
    if (q.role) qb.andWhere('u.role = :role', { role: q.role });
    if (after)
      qb.andWhere('(lower(u.email), u.id) > (:email, :id)', { email: after[0], id: after[1] });
    const rows = await qb.getMany();
    return toPage(rows, limit, userView, (u) => [u.email.toLowerCase(), u.id]);
  }

  async get(id: string): Promise<UserView> {
    const u = await this.dataSource.getRepository(UserEntity).findOneBy({ id });
    if (!u) throw new ProblemException(404, 'not-found', msg('user.noSuch'));
    return userView(u);
  }

  async create(
    actor: Principal | null,
    dto: CreateUserDto,
    manager?: EntityManager,
  ): Promise<UserView> {
    const work = async (m: EntityManager) => {
      await this.assertRoleFits(m, dto.role, dto.agencyId);
      if (await this.accounts.emailTaken(m, dto.email.trim())) {
        throw new ProblemException(409, 'duplicate', msg('user.exists'), {
          errors: [{ field: 'email', message: 'already in use' }],
        });
      }
      const user = m.create(UserEntity, {
        id: randomUUID(),
        email: dto.email.trim(),
        fullName: cleanLine(dto.fullName),
        role: dto.role,
        agencyId: dto.agencyId,
        passwordHash: await this.hasher.hash(dto.password),
        active: true,
        tokenVersion: 1,
      });
      await m.insert(UserEntity, user);
      await this.audit.record(m, actor, {
        action: 'user.create',
        entityType: 'user',
        entityId: user.id,
        changes: userView(user) as never,
      });
      return userView(user);
    };
    return manager ? work(manager) : this.transactions.run(({ manager: m }) => work(m));
  }

  async update(actor: Principal, id: string, dto: UpdateUserDto): Promise<UserView> {
    return this.transactions.run(async ({ manager }) => {
      const u = await manager.findOne(UserEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!u) throw new ProblemException(404, 'not-found', msg('user.noSuch'));
      const before = userView(u);
      const role = dto.role ?? u.role;
      const agencyId = dto.agencyId ?? u.agencyId;
      if (dto.role || dto.agencyId) await this.assertRoleFits(manager, role, agencyId);
      if (actor.userId === id && (dto.active === false || (dto.role && dto.role !== 'admin'))) {
        throw new ProblemException(409, 'conflict', msg('user.selfDemote'));
      }
      const revoke =
        dto.active === false ||
        dto.password !== undefined ||
        role !== u.role ||
        agencyId !== u.agencyId;
      Object.assign(u, {
        role,
        agencyId,
        ...(dto.fullName !== undefined && { fullName: cleanLine(dto.fullName) }),
        ...(dto.active !== undefined && { active: dto.active }),
        ...(dto.password !== undefined && { passwordHash: await this.hasher.hash(dto.password) }),
        ...(revoke && { tokenVersion: u.tokenVersion + 1 }),
      });
      await manager.update(
        UserEntity,
        { id },
        {
          role: u.role,
          agencyId: u.agencyId,
          fullName: u.fullName,
          active: u.active,
          tokenVersion: u.tokenVersion,
          ...(dto.password !== undefined && { passwordHash: u.passwordHash }),
        },
      );
      const changes = diff(before, userView(u));
      if (dto.password !== undefined) changes.password = 'changed';
      await this.audit.record(manager, actor, {
        action: 'user.update',
        entityType: 'user',
        entityId: id,
        changes,
      });
      return userView(u);
    });
  }

  /** The caller's own password; every token issued before stops working. */
  async changeOwnPassword(principal: Principal, dto: ChangePasswordDto): Promise<void> {
    if (!principal.userId)
      throw new ProblemException(403, 'forbidden', msg('user.apiKeyNoPassword'));
    await this.transactions.run(async ({ manager }) => {
      const hash = await this.accounts.lockPasswordHash(manager, principal.userId!);
      if (!hash || !(await this.hasher.verify(hash, dto.currentPassword))) {
        throw new ValidationProblem([
          { field: 'currentPassword', message: 'the current password is not correct' },
        ]);
      }
      if (dto.newPassword === dto.currentPassword) {
        throw new ValidationProblem([
          { field: 'newPassword', message: 'must differ from the current password' },
        ]);
      }
      await this.accounts.setPassword(
        manager,
        principal.userId!,
        await this.hasher.hash(dto.newPassword),
      );
    });
  }

  private async assertRoleFits(manager: EntityManager, role: Role, agencyId: string) {
    if (role === 'public') {
      throw new ValidationProblem([
        {
          field: 'role',
          message: 'public commenters sign themselves up at POST /public/accounts',
        },
      ]);
    }
    const agency = await manager.findOneBy(AgencyEntity, { id: agencyId });
    if (!agency) throw new ValidationProblem([{ field: 'agencyId', message: 'no such agency' }]);
    if (!roleFitsAgency(role, agency.kind)) {
      throw new ValidationProblem([
        {
          field: 'role',
          message: `a ${role} user must belong to an agency of kind ${agencyKindsForRole(role).join(' or ')}, not ${agency.kind}`,
        },
      ]);
    }
  }
}
