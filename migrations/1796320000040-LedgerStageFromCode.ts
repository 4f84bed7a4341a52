import { MigrationInterface, QueryRunner } from 'typeorm';
import { progressStageFunctionSql } from '../src/reporting/persistence/ledger-sql';

/**
 * The ledger's stage mapping gets one source: `progress_stage(state_name)` is generated from the
 * TypeScript table behind `stageOf()` (reporting/domain/ledger.ts), and the view
 * progress_line_fresh uses it instead of its own CASE. Same columns, same values.
 */
export class LedgerStageFromCode1796320000040 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(progressStageFunctionSql());
    await q.query(`
      CREATE OR REPLACE VIEW progress_line_fresh AS
      SELECT r.id AS regulation_id,
             r.agency_id,
             progress_stage(r.state_name)::varchar(12) AS stage,
             (r.state_name = 'implementing' AND r.state ->> 'implementing' = 'overdue') AS overdue,
             ARRAY(SELECT p.id FROM programme p
                    WHERE d.effective_on <= p.baseline_date
                      AND (d.expired_on IS NULL OR d.expired_on > p.baseline_date)
                      AND r.category = ANY (p.categories)
                    ORDER BY p.id) AS baseline_programme_ids,
             (b.id IS NOT NULL) AS costed,
             CASE WHEN b.subject_type = 'business' AND b.cost_kind = 'recurring'
                  THEN b.annual_cost ELSE 0 END AS baseline_cost,
             pl.programme_id AS plan_programme_id,
             pl.action AS plan_action,
             CASE WHEN pl.regulation_id IS NULL OR b.id IS NULL
                       OR (pl.action <> 'abolish' AND pe.id IS NULL) THEN NULL
                  ELSE progress_savings(
                    CASE WHEN b.subject_type = 'business' AND b.cost_kind = 'recurring'
                         THEN b.annual_cost_exact ELSE '0' END,
                    CASE WHEN pl.action <> 'abolish' AND pe.subject_type = 'business'
                              AND pe.cost_kind = 'recurring'
                         THEN pe.annual_cost_exact ELSE '0' END) END AS savings,
             CASE WHEN r.state_name IN ('implementing', 'implemented')
                  THEN (r.workflow_snapshot #>> '{snapshot,context,decision,decisionDate}')::date
                  END AS approved_on,
             CASE WHEN r.state_name = 'implemented'
                  THEN (r.workflow_snapshot #>> '{snapshot,context,implementation,effectiveDate}')::date
                  END AS implemented_on,
             CASE WHEN r.state_name IN ('implementing', 'implemented')
                  THEN (r.workflow_snapshot #>> '{snapshot,context,decision,implementationDeadline}')::timestamptz
                  END AS implementation_deadline
        FROM regulation r
        JOIN legal_document d ON d.id = r.legal_document_id
        LEFT JOIN cost_estimate b ON b.regulation_id = r.id AND b.kind = 'baseline'
        LEFT JOIN cost_estimate pe ON pe.regulation_id = r.id AND pe.kind = 'proposed'
        LEFT JOIN regulation_plan pl ON pl.regulation_id = r.id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE VIEW progress_line_fresh AS
      SELECT r.id AS regulation_id,
             r.agency_id,
             CASE r.state_name
               WHEN 'government_office_review' THEN 'pipeline'
               WHEN 'awaiting_decision' THEN 'pipeline'
               WHEN 'implementing' THEN 'approved'
               WHEN 'implemented' THEN 'implemented'
               WHEN 'rejected' THEN 'rejected'
               ELSE 'other' END::varchar(12) AS stage,
             (r.state_name = 'implementing' AND r.state ->> 'implementing' = 'overdue') AS overdue,
             ARRAY(SELECT p.id FROM programme p
                    WHERE d.effective_on <= p.baseline_date
                      AND (d.expired_on IS NULL OR d.expired_on > p.baseline_date)
                      AND r.category = ANY (p.categories)
                    ORDER BY p.id) AS baseline_programme_ids,
             (b.id IS NOT NULL) AS costed,
             CASE WHEN b.subject_type = 'business' AND b.cost_kind = 'recurring'
                  THEN b.annual_cost ELSE 0 END AS baseline_cost,
             pl.programme_id AS plan_programme_id,
             pl.action AS plan_action,
             CASE WHEN pl.regulation_id IS NULL OR b.id IS NULL
                       OR (pl.action <> 'abolish' AND pe.id IS NULL) THEN NULL
                  ELSE progress_savings(
                    CASE WHEN b.subject_type = 'business' AND b.cost_kind = 'recurring'
                         THEN b.annual_cost_exact ELSE '0' END,
                    CASE WHEN pl.action <> 'abolish' AND pe.subject_type = 'business'
                              AND pe.cost_kind = 'recurring'
                         THEN pe.annual_cost_exact ELSE '0' END) END AS savings,
             CASE WHEN r.state_name IN ('implementing', 'implemented')
                  THEN (r.workflow_snapshot #>> '{snapshot,context,decision,decisionDate}')::date
                  END AS approved_on,
             CASE WHEN r.state_name = 'implemented'
                  THEN (r.workflow_snapshot #>> '{snapshot,context,implementation,effectiveDate}')::date
                  END AS implemented_on,
             CASE WHEN r.state_name IN ('implementing', 'implemented')
                  THEN (r.workflow_snapshot #>> '{snapshot,context,decision,implementationDeadline}')::timestamptz
                  END AS implementation_deadline
        FROM regulation r
        JOIN legal_document d ON d.id = r.legal_document_id
        LEFT JOIN cost_estimate b ON b.regulation_id = r.id AND b.kind = 'baseline'
        LEFT JOIN cost_estimate pe ON pe.regulation_id = r.id AND pe.kind = 'proposed'
        LEFT JOIN regulation_plan pl ON pl.regulation_id = r.id`);
    await q.query(`DROP FUNCTION progress_stage(text)`);
  }
}
