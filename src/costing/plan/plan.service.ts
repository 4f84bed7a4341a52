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
import { msg } from '../../common/i18n/catalogue';

@Injectable()
export class PlanService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly regulations: RegulationRepository,
    private readonly reader: CostingReader,
    private readonly hooks: PlanHooks,
    private readonly clock: Clock,
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

      await m.query(
        `INSERT INTO regulation_plan (regulation_id, action, description, target_document, programme_id, version, updated_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, 1, $6, $7)
         ON CONFLICT (regulation_id) DO UPDATE SET action = EXCLUDED.action,
           description = EXCLUDED.description, target_document = EXCLUDED.target_document,
           programme_id = EXCLUDED.programme_id, version = regulation_plan.version + 1,
           updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
        [
          regulationId,
          dto.action,
          dto.description.trim().normalize('NFC'),
          dto.targetDocument?.trim().normalize('NFC') || null,
          programmeId,
          p.userId,
          this.clock.now(),
        ],
      );
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
      const rows = await m.query(`SELECT id FROM programme WHERE upper(code) = upper($1)`, [
        code.trim(),
      ]);
      if (rows.length === 0) {
        throw new ValidationProblem([
          { field: 'programme', message: `no programme has the code ${code.trim()}` },
        ]);
      }
      return rows[0].id;
    }
    if (current) return current.programmeId;
    const programmes: ProgrammePeriod[] = (
      await m.query(
        `SELECT id, code, to_char(start_date, 'YYYY-MM-DD') AS start_date, to_char(end_date, 'YYYY-MM-DD') AS end_date FROM programme`,
      )
    ).map((r: Record<string, string>) => ({
      id: r.id,
      code: r.code,
      startDate: r.start_date,
      endDate: r.end_date,
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
