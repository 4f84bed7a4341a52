import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CostEstimatesService } from '../costing/estimates/cost-estimates.service';
import { PlanService } from '../costing/plan/plan.service';
import { Principal } from '../identity/domain/principal';
import { REGULATION_CATEGORIES } from '../register/domain';
import { ProgrammesService } from '../register/programmes/programmes.service';
import { RegisterDemoSeeder } from '../register/seed/register-demo-seeder';
import { WorkflowService } from '../workflow/workflow.service';

/**
 * The demo programme: like NQ66, but with no minimum consultation period, so that the demo's
 * consultations can close within days and a newcomer can walk one to its end. Demo data only
 * (DEMO_DATA); it starts before NQ66, so NQ66 stays the default programme of new plans.
 */
export const DEMO_PROGRAMME = {
  code: 'DEMO',
  name: 'Chương trình minh họa (dữ liệu demo; tham vấn không có thời hạn tối thiểu)',
  startDate: '2025-01-01',
  endDate: '2030-12-31',
  baselineDate: '2024-12-31',
  targetCountPct: 30,
  targetCostPct: 30,
  minConsultationDays: 0,
  categories: [...REGULATION_CATEGORIES],
};

/** The official 2023 set seeded by the OfficialCostParameters migration. */
const PARAMETER_SET_2023 = 'c0575e70-2023-4000-8000-000000002023';

/** Demo regulations taken, once, to an open consultation closing soon. */
export const DEMO_CONSULTATIONS = [
  {
    title: 'Đăng ký bản công bố sản phẩm thực phẩm bảo vệ sức khỏe',
    expertDays: 2,
    associationDays: 3,
    plan: 'Bỏ yêu cầu nộp bản sao chứng thực; nộp hồ sơ và nhận kết quả trực tuyến.',
    baselineHours: [8, 2, 1],
    proposedHours: [3, 1],
    subjects: 12000,
  },
  {
    title: 'Cấp Giấy phép kinh doanh cho tổ chức kinh tế có vốn đầu tư nước ngoài',
    expertDays: 4,
    associationDays: 5,
    plan: 'Gộp thủ tục cấp giấy phép kinh doanh vào thủ tục đăng ký đầu tư.',
    baselineHours: [16, 4, 2],
    proposedHours: [6, 1],
    subjects: 900,
  },
];

const DAY_MS = 86_400_000;

/**
 * With DEMO_DATA, walks a few demo regulations from draft to an open consultation through the
 * real services (review, baseline estimate, plan, proposed estimate, OPEN_CONSULTATION inviting
 * both demo experts), so a newcomer can give feedback as an expert or an association at once,
 * see the rounds close within days, and answer. Once: a regulation that has history is left alone.
 */
@Injectable()
export class DemoConsultationSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoConsultationSeeder');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly register: RegisterDemoSeeder,
    private readonly programmes: ProgrammesService,
    private readonly estimates: CostEstimatesService,
    private readonly plans: PlanService,
    private readonly workflow: WorkflowService,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap() {
    if (!this.config.demoData) return;
    await this.register.done;
    try {
      await this.seed();
    } catch (err) {
      // Demo data must never stop the service from starting.
      this.logger.warn(`demo consultations not seeded: ${String(err)}`);
    }
  }

  private async seed() {
    const admin = await this.principal(
      `SELECT id FROM app_user WHERE email = 'admin@demo.regcut.vn'`,
    );
    if (!admin) return;
    const [existing] = await this.dataSource.query(
      `SELECT 1 FROM programme WHERE upper(code) = $1`,
      [DEMO_PROGRAMME.code],
    );
    if (!existing) await this.programmes.create(admin, DEMO_PROGRAMME);
    const experts: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM app_user WHERE role = 'expert' AND active AND email LIKE '%@demo.regcut.vn' ORDER BY email`,
    );
    let opened = 0;
    for (const demo of DEMO_CONSULTATIONS) {
      const [r] = await this.dataSource.query(
        `SELECT r.id, r.agency_id FROM regulation r
          WHERE r.title = $1 AND r.state_name = 'draft'
            AND NOT EXISTS (SELECT 1 FROM workflow_history h WHERE h.regulation_id = r.id)`,
        [demo.title],
      );
      if (!r) continue;
      const officer = await this.principal(
        `SELECT id FROM app_user WHERE agency_id = $1 AND role = 'ministry_officer' AND active ORDER BY email LIMIT 1`,
        [r.agency_id],
      );
      if (!officer) continue;
      const send = (body: Record<string, unknown>) => this.workflow.send(officer, r.id, body);
      const estimate = (hours: number[], fees: number) => ({
        parameterSetId: PARAMETER_SET_2023,
        subjectType: 'business' as const,
        costKind: 'recurring' as const,
        activities: hours.map((h, i) => ({
          name: ['Chuẩn bị hồ sơ', 'Nộp hồ sơ', 'Nhận kết quả'][i],
          hours: h,
        })),
        hiredServices: 0,
        feesAndCharges: fees,
        otherCosts: 0,
        frequencyPerYear: 1,
        subjectsPerYear: demo.subjects,
      });
      await send({ type: 'SUBMIT_FOR_REVIEW' });
      await send({
        type: 'COMPLETE_REVIEW',
        necessary: true,
        legal: true,
        reasonable: false,
        notes: 'Thành phần hồ sơ và thời gian giải quyết chưa hợp lý (dữ liệu demo).',
      });
      await this.estimates.put(
        officer,
        r.id,
        'baseline',
        estimate(demo.baselineHours, 500000) as never,
        undefined,
      );
      await send({ type: 'CONFIRM_BASELINE' });
      await this.plans.put(
        officer,
        r.id,
        { action: 'simplify', description: demo.plan, programme: DEMO_PROGRAMME.code } as never,
        undefined,
      );
      await this.estimates.put(
        officer,
        r.id,
        'proposed',
        estimate(demo.proposedHours, 200000) as never,
        undefined,
      );
      const now = this.clock.now().getTime();
      await send({
        type: 'OPEN_CONSULTATION',
        expertDeadline: new Date(now + demo.expertDays * DAY_MS).toISOString(),
        associationDeadline: new Date(now + demo.associationDays * DAY_MS).toISOString(),
        expertIds: experts.map((e) => e.id),
      });
      opened++;
    }
    if (opened) this.logger.log(`opened ${opened} demo consultations`);
  }

  private async principal(sql: string, params: unknown[] = []): Promise<Principal | null> {
    const [u] = await this.dataSource.query(
      `SELECT u.id, u.role, u.agency_id, a.kind FROM app_user u JOIN agency a ON a.id = u.agency_id
        WHERE u.id = (${sql})`,
      params,
    );
    return u
      ? {
          kind: 'user',
          id: u.id,
          userId: u.id,
          role: u.role,
          agencyId: u.agency_id,
          agencyKind: u.kind,
          readOnly: false,
        }
      : null;
  }
}
