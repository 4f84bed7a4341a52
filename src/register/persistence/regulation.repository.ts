import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { RegulationAccessFacts } from '../../access/access-policy';
import { RegulationEntity } from './regulation.entity';

/** Loading regulations for the services of every feature (register, costing, workflow …). */
@Injectable()
export class RegulationRepository {
  constructor(private readonly dataSource: DataSource) {}

  find(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<RegulationEntity | null> {
    return manager.findOneBy(RegulationEntity, { id });
  }

  async summaries(
    ids: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, RegulationSummary>> {
    if (ids.length === 0) return new Map();
    const rows: Array<Record<string, any>> = await manager.query(
      `SELECT r.id, r.title, r.provision, a.id AS agency_id, a.code AS agency_code,
              a.name AS agency_name, d.id AS document_id, d.number AS document_number
         FROM regulation r
         JOIN agency a ON a.id = r.agency_id
         JOIN legal_document d ON d.id = r.legal_document_id
        WHERE r.id = ANY ($1::uuid[])`,
      [[...new Set(ids)]],
    );
    return new Map(
      rows.map((r) => [
        r.id as string,
        {
          id: r.id,
          title: r.title,
          provision: r.provision,
          agency: { id: r.agency_id, code: r.agency_code, name: r.agency_name },
          legalDocument: { id: r.document_id, number: r.document_number },
        },
      ]),
    );
  }

  /** Locks the row for the rest of the caller's transaction. */
  findForUpdate(manager: EntityManager, id: string): Promise<RegulationEntity | null> {
    return manager.findOne(RegulationEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
  }
}

/** What a list of another module's records shows of each regulation (title, agency, document). */
export interface RegulationSummary {
  id: string;
  title: string;
  provision: string;
  agency: { id: string; code: string; name: string };
  legalDocument: { id: string; number: string };
}

export const accessFacts = (r: RegulationEntity): RegulationAccessFacts => ({
  agencyId: r.agencyId,
  published: r.published,
  planPublic: r.planPublic,
});
