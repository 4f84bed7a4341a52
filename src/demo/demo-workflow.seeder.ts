import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Principal } from '../identity/domain/principal';
import { RegisterDemoSeeder } from '../register/seed/register-demo-seeder';
import { WorkflowService } from '../workflow/workflow.service';

/** Demo regulations its ministry's lead submits for review, so the public register is not empty. */
const SUBMITTED = [
  'Thủ tục tự công bố sản phẩm',
  'Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm',
  'Cấp Giấy phép kinh doanh xuất khẩu, nhập khẩu xăng dầu',
  'Cấp giấy phép xây dựng mới đối với công trình',
];

/**
 * With DEMO_DATA, moves a few demo regulations out of draft through the real transition path (so
 * they have history), once: a regulation already past draft is left alone.
 */
@Injectable()
export class DemoWorkflowSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoWorkflowSeeder');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly register: RegisterDemoSeeder,
    private readonly workflow: WorkflowService,
    private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap() {
    if (!this.config.demoData) return;
    await this.register.done;
    const rows: Array<{ id: string; agency_id: string; lead_id: string | null; kind: string }> =
      await this.dataSource.query(
        `SELECT r.id, r.agency_id, a.kind,
              (SELECT u.id FROM app_user u WHERE u.agency_id = r.agency_id AND u.role = 'ministry_lead' AND u.active ORDER BY u.email LIMIT 1) AS lead_id
         FROM regulation r JOIN agency a ON a.id = r.agency_id
        WHERE r.state_name = 'draft' AND r.title = ANY($1)
          AND NOT EXISTS (SELECT 1 FROM workflow_history h WHERE h.regulation_id = r.id)`,
        [SUBMITTED],
      );
    let submitted = 0;
    for (const r of rows) {
      // The demo lead of the owning ministry (BXD has only an officer: an officer may submit too).
      const actor =
        r.lead_id ??
        (
          await this.dataSource.query(
            `SELECT id FROM app_user WHERE agency_id = $1 AND role = 'ministry_officer' AND active LIMIT 1`,
            [r.agency_id],
          )
        )[0]?.id;
      if (!actor) continue;
      const [u] = await this.dataSource.query(`SELECT role FROM app_user WHERE id = $1`, [actor]);
      const principal: Principal = {
        kind: 'user',
        id: actor,
        userId: actor,
        role: u.role,
        agencyId: r.agency_id,
        agencyKind: r.kind as Principal['agencyKind'],
        readOnly: false,
      };
      try {
        await this.workflow.send(principal, r.id, { type: 'SUBMIT_FOR_REVIEW' });
        submitted++;
      } catch (err) {
        this.logger.warn(`demo regulation ${r.id} not submitted: ${String(err)}`);
      }
    }
    if (submitted) this.logger.log(`submitted ${submitted} demo regulations for review`);
  }
}
