import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccessPolicy } from '../../access/access-policy';
import { requireAccess } from '../../access/require-access';
import { Clock } from '../../common/clock';
import { ProblemException, ValidationProblem } from '../../common/problem';
import { TransactionRunner } from '../../database/transaction-runner';
import { Principal } from '../../identity/domain/principal';
import {
  accessFacts,
  RegulationRepository,
} from '../../register/persistence/regulation.repository';
import { CostingReader } from '../shared/costing-reader';
import {
  assertVersion,
  assertWritableState,
  defaultProgramme,
  ProgrammePeriod,
  vietnamDate,
} from '../shared/costing-rules';
import { PlanHooks } from './plan-hooks';
import { PutPlanDto } from './plan.dto';
import { PlanView } from './plan.view';
import { ProgrammesService } from '../../register/programmes/programmes.service';
import { PlanRepository } from '../persistence/plan.repository';
import { msg } from '../../common/i18n/catalogue';

@Injectable()
export class PlanService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly regulations: RegulationRepository,
    private readonly reader: CostingReader,
    private readonly hooks: PlanHooks,
    private readonly clock: Clock,
    private readonly plans: PlanRepository,
    private readonly programmes: ProgrammesService,
  ) {}

  async get(p: Principal | undefined, regulationId: string): Promise<PlanView> {
    const regulation = await this.regulations.find(regulationId);
    if (!regulation) throw new ProblemException(404, 'not-found', msg('regulation.noSuch'));
    requireAccess(AccessPolicy.readPlanAndCosts(p, accessFacts(regulation)), 'regulation');
    const plan = await this.reader.plan(regulationId);
    if (!plan) throw new ProblemException(404, 'not-found', msg('plan.none'));
    return plan;
  }

  /** PUT: writes the plan (only in drafting_plan), keeping one current plan per regulation. */
  put(
    p: Principal,
    regulationId: string,
    dto: PutPlanDto,
    ifMatch: number | undefined,
  ): Promise<PlanView> {
    return this.transactions.run(async (tx) => {
      const m = tx.manager;
      const regulation = await this.regulations.findForUpdate(m, regulationId);
      if (!regulation) throw new ProblemException(404, 'not-found', msg('regulation.noSuch'));
      requireAccess(AccessPolicy.writeRegulation(p, accessFacts(regulation)), 'regulation');
      assertWritableState('plan', regulation.stateName);
      const before = await this.reader.plan(regulationId, m);
      assertVersion(ifMatch, before?.version ?? null, 'plan');
      const programmeId = await this.programmeFor(m, dto.programme, before);

      await this.plans.upsert(m, {
        regulationId,
        action: dto.action,
        description: dto.description.trim().normalize('NFC'),
        targetDocument: dto.targetDocument?.trim().normalize('NFC') || null,
        programmeId,
        updatedBy: p.userId,
        updatedAt: this.clock.now(),
      });
      const after = (await this.reader.plan(regulationId, m))!;
      await this.hooks.run(tx, { regulationId, before, after });
      return after;
    });
  }

  /**
   * A named programme; else the plan keeps its programme; else the one running today (domain.md
   * §7: latest start on or before today, end not passed). 400 naming `programme` when none fits.
   */
  private async programmeFor(
    m: EntityManager,
    code: string | undefined,
    current: PlanView | null,
  ): Promise<string> {
    if (code !== undefined) {
      const programme = await this.programmes.byCode(code.trim(), m);
      if (!programme) {
        throw new ValidationProblem([
          { field: 'programme', message: `no programme has the code ${code.trim()}` },
        ]);
      }
      return programme.id;
    }
    if (current) return current.programmeId;
    const programmes: ProgrammePeriod[] = (await this.programmes.list(m)).map((r) => ({
      id: r.id,
      code: r.code,
      startDate: r.startDate,
      endDate: r.endDate,
    }));
    const today = vietnamDate(this.clock.now());
    const chosen = defaultProgramme(programmes, today);
    if (!chosen) {
      throw new ValidationProblem([
        {
          field: 'programme',
          message: `no programme runs on ${today}; name the programme of this plan by its code (e.g. ${programmes.map((x) => x.code).join(', ') || 'NQ66'})`,
        },
      ]);
    }
    return chosen.id;
  }
}
