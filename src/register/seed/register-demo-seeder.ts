import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { Clock } from '../../common/clock';
import { TransactionRunner } from '../../database/transaction-runner';
import { IdentitySeeder } from '../../identity/seed/identity-seeder';
import { RegulationWorkflowSeed } from '../regulation-workflow-seed';
import { regulationSearchText } from '../regulations/search-text';
import { DEMO_DOCUMENTS, DEMO_REGULATIONS } from './demo-regulations';

/** With DEMO_DATA: a few real legal documents and regulations of the demo ministries. Idempotent. */
@Injectable()
export class RegisterDemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('RegisterDemoSeeder');
  private finished!: () => void;
  /** Resolves once the demo register is seeded (or there is nothing to seed). */
  readonly done = new Promise<void>((resolve) => (this.finished = resolve));

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly identity: IdentitySeeder,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly workflowSeed: RegulationWorkflowSeed,
  ) {}

  async onApplicationBootstrap() {
    try {
      await this.seed();
    } finally {
      this.finished();
    }
  }

  private async seed() {
    if (!this.config.demoData) return;
    await this.identity.done;
    await this.transactions.run(async ({ manager }) => {
      await manager.query(`SELECT pg_advisory_xact_lock(6820201)`);
      const docIds = new Map<string, string>();
      for (const d of DEMO_DOCUMENTS) {
        const [existing] = await manager.query(
          `SELECT id FROM legal_document WHERE upper(number) = upper($1) AND lower(issuer) = lower($2) AND issued_on = $3`,
          [d.number, d.issuer, d.issuedOn],
        );
        const id = existing?.id ?? randomUUID();
        if (!existing) {
          await manager.query(
            `INSERT INTO legal_document (id, number, type, issuer, title, issued_on, effective_on) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
            [id, d.number, d.type, d.issuer, d.title, d.issuedOn, d.effectiveOn],
          );
        }
        docIds.set(d.key, id);
      }
      let added = 0;
      for (const r of DEMO_REGULATIONS) {
        const [agency] = await manager.query(`SELECT id FROM agency WHERE code = $1`, [r.agency]);
        if (!agency) continue;
        const docId = docIds.get(r.doc)!;
        const exists = await manager.query(
          `SELECT 1 FROM regulation WHERE legal_document_id = $1 AND title = $2`,
          [docId, r.title],
        );
        if (exists.length) continue;
        const doc = DEMO_DOCUMENTS.find((d) => d.key === r.doc)!;
        const { snapshot, state, stateName, machineVersion } = this.workflowSeed.initial(
          this.clock.now().toISOString(),
        );
        await manager.query(
          `INSERT INTO regulation (id, legal_document_id, provision, title, description, category, sector_code, agency_id, procedure_code, subject_types,
             search_text, workflow_snapshot, machine_version, state, state_name)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
          [
            randomUUID(),
            docId,
            r.provision,
            r.title,
            r.description,
            r.category,
            r.sector,
            agency.id,
            r.procedureCode,
            r.subjectTypes,
            regulationSearchText({ ...r, procedureCode: r.procedureCode }, doc),
            JSON.stringify(snapshot),
            machineVersion,
            JSON.stringify(state),
            stateName,
          ],
        );
        added++;
      }
      if (added) this.logger.log(`seeded ${added} demo regulations`);
    });
  }
}
