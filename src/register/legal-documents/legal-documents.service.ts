import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { isMinistry } from '../../access/access-policy';
import { decodeCursor, Page, toPage } from '../../common/pagination';
import { ProblemException, ValidationProblem } from '../../common/problem';
import { TransactionRunner } from '../../database/transaction-runner';
import { Principal } from '../../identity/domain/principal';
import {
  isIsoDate,
  LEGAL_DOCUMENT_TYPE_LABELS,
  LegalDocumentFields,
  LegalDocumentType,
  validateLegalDocument,
} from '../domain';
import { LegalDocumentEntity } from '../persistence/legal-document.entity';
import { LegalDocumentRepository } from '../persistence/legal-document.repository';
import { regulationSearchText, searchWords } from '../regulations/search-text';
import { LegalDocumentListQuery } from './legal-document.dto';
import { msg } from '../../common/i18n/catalogue';

export interface LegalDocumentView {
  id: string;
  number: string;
  type: string;
  typeLabel: string;
  issuer: string;
  title: string;
  issuedOn: string;
  effectiveOn: string;
  expiredOn: string | null;
  createdByAgencyId: string | null;
}

export const legalDocumentView = (d: LegalDocumentEntity): LegalDocumentView => ({
  id: d.id,
  number: d.number,
  type: d.type,
  typeLabel: LEGAL_DOCUMENT_TYPE_LABELS[d.type as LegalDocumentType]?.label ?? d.type,
  issuer: d.issuer,
  title: d.title,
  issuedOn: d.issuedOn,
  effectiveOn: d.effectiveOn,
  expiredOn: d.expiredOn,
  createdByAgencyId: d.createdByAgencyId,
});

/** The shared catalogue of legal documents (văn bản quy phạm pháp luật). */
@Injectable()
export class LegalDocumentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly documents: LegalDocumentRepository,
  ) {}

  async list(q: LegalDocumentListQuery): Promise<Page<LegalDocumentView>> {
    const limit = q.limit ?? 50;
    const after = decodeCursor(q.cursor, 2);
    const qb = this.dataSource
      .getRepository(LegalDocumentEntity)
      .createQueryBuilder('d')
      .orderBy('d.created_at')
      .addOrderBy('d.id')
      .limit(limit + 1);
    if (q.type) qb.andWhere('d.type = :type', { type: q.type });
    if (q.inForceOn) {
      if (!isIsoDate(q.inForceOn))
        throw new ValidationProblem([{ field: 'inForceOn', message: 'must be a date YYYY-MM-DD' }]);
      qb.andWhere('d.effective_on <= :on AND (d.expired_on IS NULL OR d.expired_on > :on)', {
        on: q.inForceOn,
      });
    }
    searchWords(q.search ?? '').forEach((w, i) =>
      qb.andWhere(
        `search_normalize(d.number || ' ' || d.title || ' ' || d.issuer) LIKE '%' || search_normalize(:w${i}) || '%'`,
        { [`w${i}`]: w },
      ),
    );
    if (after) qb.andWhere('(d.created_at, d.id) > (:at, :id)', { at: after[0], id: after[1] });
    const rows = await qb.getMany();
    return toPage(rows, limit, legalDocumentView, (d) => [d.createdAt.toISOString(), d.id]);
  }

  async get(id: string): Promise<LegalDocumentView> {
    const d = await this.dataSource.getRepository(LegalDocumentEntity).findOneBy({ id });
    if (!d) throw new ProblemException(404, 'not-found', msg('legalDocument.noSuch'));
    return legalDocumentView(d);
  }

  create(actor: Principal, input: Record<string, unknown>): Promise<LegalDocumentView> {
    const fields = validated(input);
    return this.transactions.run(async ({ manager }) => {
      await this.assertUnique(manager, fields);
      const d = manager.create(LegalDocumentEntity, {
        id: randomUUID(),
        ...fields,
        createdBy: actor.userId,
        createdByAgencyId: actor.agencyId,
      });
      await manager.insert(LegalDocumentEntity, d);
      return legalDocumentView(d);
    });
  }

  /** Corrections by the creating agency or an admin; regulations citing it are re-indexed. */
  update(actor: Principal, id: string, patch: Record<string, unknown>): Promise<LegalDocumentView> {
    return this.transactions.run(async ({ manager }) => {
      const d = await manager.findOne(LegalDocumentEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!d) throw new ProblemException(404, 'not-found', msg('legalDocument.noSuch'));
      const mayCorrect =
        actor.role === 'admin' ||
        (isMinistry(actor) && d.createdByAgencyId === actor.agencyId && !actor.readOnly);
      if (!mayCorrect) {
        throw new ProblemException(403, 'forbidden', msg('legalDocument.onlyOwner'));
      }
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const fields = validated({ ...legalDocumentView(d), ...defined });
      if (
        fields.number !== d.number ||
        fields.issuer !== d.issuer ||
        fields.issuedOn !== d.issuedOn
      ) {
        await this.assertUnique(manager, fields, id);
      }
      Object.assign(d, fields);
      await manager.save(LegalDocumentEntity, d);
      await this.reindexRegulations(manager, d);
      return legalDocumentView(d);
    });
  }

  private async reindexRegulations(manager: EntityManager, d: LegalDocumentEntity) {
    const regs = await this.documents.regulationsTextOf(manager, d.id);
    for (const r of regs) {
      const text = regulationSearchText({ ...r, procedureCode: r.procedure_code }, d);
      await this.documents.setRegulationSearchText(manager, r.id, text);
    }
  }

  private async assertUnique(manager: EntityManager, f: LegalDocumentFields, exceptId?: string) {
    const existingId = await this.documents.duplicateOf(manager, f, exceptId);
    if (existingId) {
      throw new ProblemException(
        409,
        'duplicate',
        msg('legalDocument.duplicate', {
          number: f.number,
          issuer: f.issuer,
          issuedOn: f.issuedOn,
        }),
        {
          existingId,
          errors: [
            {
              field: 'number',
              message: 'already in the catalogue for this issuer and issued date',
            },
          ],
        },
      );
    }
  }
}

function validated(input: Record<string, unknown>): LegalDocumentFields {
  const result = validateLegalDocument(input);
  if (!result.ok) throw new ValidationProblem(result.errors);
  return result.value;
}
