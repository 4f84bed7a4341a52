import { cleanLine } from '../../common/clean-text';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { decodeCursor, Page, toPage } from '../../common/pagination';
import { ProblemException } from '../../common/problem';
import { TransactionRunner } from '../../database/transaction-runner';
import { AdminAuditService, diff } from '../audit/admin-audit.service';
import { Principal } from '../domain/principal';
import { roleFitsAgency } from '../domain/roles';
import { AgencyEntity } from '../persistence/agency.entity';
import { UserEntity } from '../persistence/user.entity';
import { AgencyListQuery, AgencyView, CreateAgencyDto, UpdateAgencyDto } from './agency.dto';
import { AccountRepository } from '../persistence/account.repository';
import { msg } from '../../common/i18n/catalogue';

const view = (a: AgencyEntity): AgencyView => ({
  id: a.id,
  code: a.code,
  name: a.name,
  kind: a.kind,
  active: a.active,
});

@Injectable()
export class AgenciesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: AccountRepository,
    private readonly transactions: TransactionRunner,
    private readonly audit: AdminAuditService,
  ) {}

  async list(q: AgencyListQuery): Promise<Page<AgencyView>> {
    const limit = q.limit ?? 50;
    const after = decodeCursor(q.cursor, 2);
    const qb = this.dataSource
      .getRepository(AgencyEntity)
      .createQueryBuilder('a')
      .orderBy('a.code')
      .addOrderBy('a.id')
      .limit(limit + 1);
    if (q.kind) qb.andWhere('a.kind = :kind', { kind: q.kind });
    if (after) qb.andWhere('(a.code, a.id) > (:code, :id)', { code: after[0], id: after[1] });
    const rows = await qb.getMany();
    return toPage(rows, limit, view, (a) => [a.code, a.id]);
  }

  async get(id: string): Promise<AgencyView> {
    const a = await this.dataSource.getRepository(AgencyEntity).findOneBy({ id });
    if (!a) throw new ProblemException(404, 'not-found', msg('agency.noSuch'));
    return view(a);
  }

  async create(actor: Principal, dto: CreateAgencyDto): Promise<AgencyView> {
    return this.transactions.run(async ({ manager }) => {
      await this.assertCodeFree(manager, dto.code);
      const agency = manager.create(AgencyEntity, {
        id: randomUUID(),
        code: dto.code.trim(),
        name: cleanLine(dto.name),
        kind: dto.kind,
        active: true,
      });
      await manager.insert(AgencyEntity, agency);
      await this.audit.record(manager, actor, {
        action: 'agency.create',
        entityType: 'agency',
        entityId: agency.id,
        changes: view(agency) as never,
      });
      return view(agency);
    });
  }

  async update(actor: Principal, id: string, dto: UpdateAgencyDto): Promise<AgencyView> {
    return this.transactions.run(async ({ manager }) => {
      const a = await manager.findOne(AgencyEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!a) throw new ProblemException(404, 'not-found', msg('agency.noSuch'));
      const before = view(a);
      if (dto.code && dto.code.toUpperCase() !== a.code.toUpperCase())
        await this.assertCodeFree(manager, dto.code);
      if (dto.kind && dto.kind !== a.kind) {
        const users = await manager.find(UserEntity, { where: { agencyId: id } });
        const misfit = users.find((u) => !roleFitsAgency(u.role, dto.kind!));
        if (misfit) {
          throw new ProblemException(
            409,
            'conflict',
            msg('agency.roleMisfit', { role: misfit.role, kind: dto.kind }),
          );
        }
      }
      Object.assign(a, {
        ...(dto.code !== undefined && { code: dto.code.trim() }),
        ...(dto.name !== undefined && { name: cleanLine(dto.name) }),
        ...(dto.kind !== undefined && { kind: dto.kind }),
        ...(dto.active !== undefined && { active: dto.active }),
      });
      await manager.save(a);
      await this.audit.record(manager, actor, {
        action: 'agency.update',
        entityType: 'agency',
        entityId: id,
        changes: diff(before, view(a)),
      });
      return view(a);
    });
  }

  private async assertCodeFree(manager: import('typeorm').EntityManager, code: string) {
    if (await this.accounts.agencyCodeTaken(manager, code.trim())) {
      throw new ProblemException(409, 'duplicate', msg('agency.exists', { code }), {
        errors: [{ field: 'code', message: 'already in use' }],
      });
    }
  }
}
