import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface AmendmentRow {
  regulationId: string;
  legalDocumentId: string | null;
  number: string;
  effectiveDate: string;
  recordedAt: string;
}

/** The amending document of each implementation (regulation_amendment). */
@Injectable()
export class AmendmentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async save(manager: EntityManager, a: AmendmentRow & { historySeq: number }): Promise<void> {
    await manager.query(
      `INSERT INTO regulation_amendment
         (regulation_id, legal_document_id, number, effective_date, recorded_at, history_seq)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (regulation_id) DO UPDATE SET legal_document_id = EXCLUDED.legal_document_id,
         number = EXCLUDED.number, effective_date = EXCLUDED.effective_date,
         recorded_at = EXCLUDED.recorded_at, history_seq = EXCLUDED.history_seq`,
      [a.regulationId, a.legalDocumentId, a.number, a.effectiveDate, a.recordedAt, a.historySeq],
    );
  }

  async find(regulationId: string): Promise<AmendmentRow | null> {
    const [r] = await this.dataSource.query(
      `SELECT regulation_id, legal_document_id, number,
              to_char(effective_date, 'YYYY-MM-DD') AS effective_date, recorded_at
         FROM regulation_amendment WHERE regulation_id = $1`,
      [regulationId],
    );
    return r
      ? {
          regulationId: r.regulation_id,
          legalDocumentId: r.legal_document_id,
          number: r.number,
          effectiveDate: r.effective_date,
          recordedAt: new Date(r.recorded_at).toISOString(),
        }
      : null;
  }
}
