import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ProblemException, ValidationProblem } from '../../common/problem';
import { TransactionRunner } from '../../database/transaction-runner';
import { AdminAuditService, diff } from '../../identity/audit/admin-audit.service';
import { Principal } from '../../identity/domain/principal';
import { ProgrammeEntity } from '../persistence/programme.entity';
import { CreateProgrammeDto, UpdateProgrammeDto } from './programme.dto';
import { msg } from '../../common/i18n/catalogue';

export { vietnamDate } from '../../common/vietnam-time';

export interface ProgrammeView {
  id: string;
  code: string;
  name: string;
  startDate: string;
  endDate: string;
  baselineDate: string;
  targetCountPct: number;
  targetCostPct: number;
  minConsultationDays: number;
  categories: string[];
}

export const programmeView = (p: ProgrammeEntity): ProgrammeView => ({
  id: p.id,
  code: p.code,
  name: p.name,
  startDate: p.startDate,
  endDate: p.endDate,
  baselineDate: p.baselineDate,
  targetCountPct: Number(p.targetCountPct),
  targetCostPct: Number(p.targetCostPct),
  minConsultationDays: p.minConsultationDays,
  categories: p.categories,
});

@Injectable()
export class ProgrammesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AdminAuditService,
  ) {}

  async list(manager: EntityManager = this.dataSource.manager): Promise<ProgrammeView[]> {
    const rows = await manager
      .getRepository(ProgrammeEntity)
      .find({ order: { startDate: 'ASC', code: 'ASC' } });
    return rows.map(programmeView);
  }

  async byCode(
    code: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ProgrammeEntity | null> {
    return manager
      .getRepository(ProgrammeEntity)
      .createQueryBuilder('p')
      .where('upper(p.code) = upper(:code)', { code })
      .getOne();
  }

  async get(id: string): Promise<ProgrammeView> {
    const p = await this.dataSource.getRepository(ProgrammeEntity).findOneBy({ id });
    if (!p) throw new ProblemException(404, 'not-found', msg('programme.noSuch'));
    return programmeView(p);
  }

  create(actor: Principal, dto: CreateProgrammeDto): Promise<ProgrammeView> {
    return this.transactions.run(async ({ manager }) => {
      if (await this.byCode(dto.code, manager)) {
        throw new ProblemException(409, 'duplicate', msg('programme.exists', { code: dto.code }), {
          errors: [{ field: 'code', message: 'already in use' }],
        });
      }
      checkDates(dto);
      const p = manager.create(ProgrammeEntity, {
        ...dto,
        minConsultationDays: dto.minConsultationDays ?? 30,
        id: randomUUID(),
        name: dto.name.trim().normalize('NFC'),
        targetCountPct: String(dto.targetCountPct),
        targetCostPct: String(dto.targetCostPct),
      });
      await manager.insert(ProgrammeEntity, p);
      await this.audit.record(manager, actor, {
        action: 'programme.create',
        entityType: 'programme',
        entityId: p.id,
        changes: programmeView(p) as never,
      });
      return programmeView(p);
    });
  }

  update(actor: Principal, id: string, dto: UpdateProgrammeDto): Promise<ProgrammeView> {
    return this.transactions.run(async ({ manager }) => {
      const p = await manager.findOne(ProgrammeEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!p) throw new ProblemException(404, 'not-found', msg('programme.noSuch'));
      const before = programmeView(p);
      if (
        dto.code &&
        dto.code.toUpperCase() !== p.code.toUpperCase() &&
        (await this.byCode(dto.code, manager))
      ) {
        throw new ProblemException(409, 'duplicate', msg('programme.exists', { code: dto.code }), {
          errors: [{ field: 'code', message: 'already in use' }],
        });
      }
      const next = { ...before, ...dto };
      checkDates(next);
      Object.assign(p, {
        ...dto,
        ...(dto.name !== undefined && { name: dto.name.trim().normalize('NFC') }),
        ...(dto.targetCountPct !== undefined && { targetCountPct: String(dto.targetCountPct) }),
        ...(dto.targetCostPct !== undefined && { targetCostPct: String(dto.targetCostPct) }),
      });
      await manager.save(ProgrammeEntity, p);
      await this.audit.record(manager, actor, {
        action: 'programme.update',
        entityType: 'programme',
        entityId: id,
        changes: diff(before, programmeView(p)),
      });
      return programmeView(p);
    });
  }
}

function checkDates(p: { startDate: string; endDate: string; baselineDate: string }) {
  const errors = [];
  if (p.endDate < p.startDate)
    errors.push({ field: 'endDate', message: 'must not be before startDate' });
  if (p.baselineDate > p.endDate)
    errors.push({ field: 'baselineDate', message: 'must not be after endDate' });
  if (errors.length) throw new ValidationProblem(errors);
}
