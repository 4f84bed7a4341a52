import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { ImportRow } from '../import';
import { LegalDocumentRepository } from '../persistence/legal-document.repository';
import { RegulationRepository } from '../persistence/regulation.repository';
import type { InitialWorkflow } from '../regulation-workflow-seed';
import { regulationSearchText } from '../regulations/search-text';

const BATCH = 1000;

/**
 * Writes validated import rows in the caller's transaction: the legal documents they cite (an
 * existing one is reused by number + issuer + issued date) and the regulations, in draft, in
 * multi-row batches (one round trip per thousand rows).
 */
@Injectable()
export class ImportWriter {
  constructor(
    private readonly documents: LegalDocumentRepository,
    private readonly regulations: RegulationRepository,
  ) {}

  async write(
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
      const existing = await this.documents.findManyByKey(
        manager,
        chunk.map(([, d]) => d),
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
        await this.documents.insertMany(manager, toInsert, {
          userId: ctx.userId,
          agencyId: ctx.agencyId,
        });
        created += toInsert.length;
      }
    }

    for (let i = 0; i < rows.length; i += BATCH) {
      const chunk = rows.slice(i, i + BATCH);
      await this.regulations.insertMany(
        manager,
        chunk.map((r) => ({
          id: randomUUID(),
          legalDocumentId: documentIds.get(r.documentKey)!,
          fields: r.regulation,
          searchText: regulationSearchText(r.regulation, r.document),
        })),
        { agencyId: ctx.agencyId, userId: ctx.userId, at: ctx.now, workflow: ctx.workflow },
      );
      await ctx.onProgress?.(Math.min(i + BATCH, rows.length));
    }
    return { regulations: rows.length, documentsCreated: created, documentsReused: reused };
  }
}
