import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { RegulationAccessFacts } from '../../access/access-policy';
import type { RegulationFields } from '../domain';
import type { InitialWorkflow } from '../regulation-workflow-seed';
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

  /**
   * New regulations of one agency, all in the same initial workflow state, in one round trip
   * (an import's batch).
   */
  async insertMany(
    manager: EntityManager,
    regulations: ReadonlyArray<NewRegulation>,
    c: { agencyId: string; userId: string | null; at: Date; workflow: InitialWorkflow },
  ): Promise<void> {
    const { snapshot, state, stateName, machineVersion } = c.workflow;
    await manager.query(
      `INSERT INTO regulation (id, legal_document_id, provision, title, description, category, sector_code, agency_id, procedure_code,
              subject_types, search_text, workflow_snapshot, machine_version, state, state_name, created_by, updated_by, created_at, updated_at)
       SELECT u.id, u.doc, u.provision, u.title, u.description, u.category, u.sector, $9::uuid, u.code,
              string_to_array(u.subjects, ','), u.search, $10::jsonb, $11::int, $12::jsonb, $13, $14::uuid, $14::uuid, $15, $15
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $16::text[], $17::text[])
           AS u(id, doc, provision, title, description, category, sector, code, subjects, search)`,
      [
        regulations.map((r) => r.id),
        regulations.map((r) => r.legalDocumentId),
        regulations.map((r) => r.fields.provision),
        regulations.map((r) => r.fields.title),
        regulations.map((r) => r.fields.description),
        regulations.map((r) => r.fields.category),
        regulations.map((r) => r.fields.sector),
        regulations.map((r) => r.fields.procedureCode),
        c.agencyId,
        JSON.stringify(snapshot),
        machineVersion,
        JSON.stringify(state),
        stateName,
        c.userId,
        c.at,
        regulations.map((r) => r.fields.subjectTypes.join(',')),
        regulations.map((r) => r.searchText),
      ],
    );
  }

  /** Locks the rows for the rest of the caller's transaction, in id order (no lock cycles). */
  async lockAllForUpdate(manager: EntityManager, ids: readonly string[]): Promise<void> {
    await manager.query(
      `SELECT id FROM regulation WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [ids],
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

/** A regulation to insert with RegulationRepository.insertMany. */
export interface NewRegulation {
  id: string;
  legalDocumentId: string;
  fields: RegulationFields;
  searchText: string;
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
