import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { ImportRow } from '../import';
import type { InitialWorkflow } from '../regulation-workflow-seed';
import { regulationSearchText } from '../regulations/search-text';

const BATCH = 1000;

/**
 * Writes validated import rows in the caller's transaction: the legal documents they cite (an
 * existing one is reused by number + issuer + issued date) and the regulations, in draft, in
 * multi-row batches (one round trip per thousand rows).
 */
export async function writeImportRows(
  manager: EntityManager,
  rows: readonly ImportRow[],
  ctx: {
    agencyId: string;
    userId: string | null;
    now: Date;
    /** The workflow state the regulations start in (RegulationWorkflowSeed). */
    workflow: InitialWorkflow;
    onProgress?: (done: number) => Promise<void>;
  },
): Promise<{ regulations: number; documentsCreated: number; documentsReused: number }> {
  const documentIds = new Map<string, string>();
  let created = 0;
  let reused = 0;
  const uniqueDocs = new Map<string, ImportRow['document']>();
  for (const r of rows)
    if (!uniqueDocs.has(r.documentKey)) uniqueDocs.set(r.documentKey, r.document);
  const docs = [...uniqueDocs.entries()];
  for (let i = 0; i < docs.length; i += BATCH) {
    const chunk = docs.slice(i, i + BATCH);
    const existing: Array<{ id: string; number: string; issuer: string; issued_on: string }> =
      await manager.query(
        `SELECT d.id, d.number, d.issuer, to_char(d.issued_on, 'YYYY-MM-DD') AS issued_on
         FROM legal_document d
         JOIN unnest($1::text[], $2::text[], $3::date[]) AS k(number, issuer, issued_on)
           ON upper(d.number) = upper(k.number) AND lower(d.issuer) = lower(k.issuer) AND d.issued_on = k.issued_on`,
        [
          chunk.map(([, d]) => d.number),
          chunk.map(([, d]) => d.issuer),
          chunk.map(([, d]) => d.issuedOn),
        ],
      );
    const found = new Map(
      existing.map((e) => [
        `${e.number.toUpperCase()}|${e.issuer.toLowerCase()}|${e.issued_on}`,
        e.id,
      ]),
    );
    const toInsert: Array<[string, ImportRow['document']]> = [];
    for (const [key, d] of chunk) {
      const id = found.get(`${d.number.toUpperCase()}|${d.issuer.toLowerCase()}|${d.issuedOn}`);
      if (id) {
        documentIds.set(key, id);
        reused++;
      } else {
        const newId = randomUUID();
        documentIds.set(key, newId);
        toInsert.push([newId, d]);
      }
    }
    if (toInsert.length) {
      await manager.query(
        `INSERT INTO legal_document (id, number, type, issuer, title, issued_on, effective_on, expired_on, created_by, created_by_agency_id)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::date[], $8::date[], $9::uuid[], $10::uuid[])`,
        [
          toInsert.map(([id]) => id),
          toInsert.map(([, d]) => d.number),
          toInsert.map(([, d]) => d.type),
          toInsert.map(([, d]) => d.issuer),
          toInsert.map(([, d]) => d.title),
          toInsert.map(([, d]) => d.issuedOn),
          toInsert.map(([, d]) => d.effectiveOn),
          toInsert.map(([, d]) => d.expiredOn),
          toInsert.map(() => ctx.userId),
          toInsert.map(() => ctx.agencyId),
        ],
      );
      created += toInsert.length;
    }
  }

  const { snapshot, state, stateName, machineVersion } = ctx.workflow;
  const snapshotJson = JSON.stringify(snapshot);
  const stateJson = JSON.stringify(state);
  for (let i = 0; i < rows.length; i += BATCH) {
    const chunk = rows.slice(i, i + BATCH);
    await manager.query(
      `INSERT INTO regulation (id, legal_document_id, provision, title, description, category, sector_code, agency_id, procedure_code,
              subject_types, search_text, workflow_snapshot, machine_version, state, state_name, created_by, updated_by, created_at, updated_at)
       SELECT u.id, u.doc, u.provision, u.title, u.description, u.category, u.sector, $9::uuid, u.code,
              string_to_array(u.subjects, ','), u.search, $10::jsonb, $11::int, $12::jsonb, $13, $14::uuid, $14::uuid, $15, $15
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $16::text[], $17::text[])
           AS u(id, doc, provision, title, description, category, sector, code, subjects, search)`,
      [
        chunk.map(() => randomUUID()),
        chunk.map((r) => documentIds.get(r.documentKey)),
        chunk.map((r) => r.regulation.provision),
        chunk.map((r) => r.regulation.title),
        chunk.map((r) => r.regulation.description),
        chunk.map((r) => r.regulation.category),
        chunk.map((r) => r.regulation.sector),
        chunk.map((r) => r.regulation.procedureCode),
        ctx.agencyId,
        snapshotJson,
        machineVersion,
        stateJson,
        stateName,
        ctx.userId,
        ctx.now,
        chunk.map((r) => r.regulation.subjectTypes.join(',')),
        chunk.map((r) => regulationSearchText(r.regulation, r.document)),
      ],
    );
    await ctx.onProgress?.(Math.min(i + BATCH, rows.length));
  }
  return { regulations: rows.length, documentsCreated: created, documentsReused: reused };
}
