import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ValidationProblem } from '../../common/problem';
import { Tx } from '../../database/transaction-runner';
import { normalizeDocumentNumber, validateLegalDocument } from '../../register/domain';
import { guessDocumentTypes } from '../../register/domain/legal-document';
import { LegalDocumentRepository } from '../../register/persistence/legal-document.repository';
import { RegulationDetailExtensions } from '../../register/regulation-detail.extensions';
import type { RecordImplementationEvent } from '../../workflow/domain';
import { TransitionContext, TransitionHooks } from '../../workflow/transition-hooks';
import { AmendmentsRepository } from '../persistence/amendments.repository';

/**
 * RECORD_IMPLEMENTATION's amending document in the legal-document catalogue, in the transition's
 * transaction: the entry named by `amendingDocumentId`; else the one `amendingDocument` describes
 * (found by number, issuer and issued date, or added); else the only catalogue entry with that
 * number. A bad id or description refuses the transition (400); a number the catalogue does not
 * know stays unlinked. GET /regulations/:id shows it as `amendment`.
 */
@Injectable()
export class AmendmentLink implements OnModuleInit {
  constructor(
    private readonly hooks: TransitionHooks,
    private readonly documents: LegalDocumentRepository,
    private readonly amendments: AmendmentsRepository,
    private readonly details: RegulationDetailExtensions,
  ) {}

  onModuleInit() {
    this.hooks.register(
      (tx, ctx) => this.onTransition(tx, ctx),
      (ctx) => ctx.event.type === 'RECORD_IMPLEMENTATION',
    );
    this.details.register(async ({ regulation }) => {
      if (!['implementing', 'implemented'].includes(regulation.stateName)) return {};
      const a = await this.amendments.find(regulation.id);
      return a
        ? {
            amendment: {
              legalDocumentId: a.legalDocumentId,
              number: a.number,
              effectiveDate: a.effectiveDate,
              recordedAt: a.recordedAt,
              inForce: regulation.stateName === 'implemented',
            },
          }
        : {};
    });
  }

  private async onTransition(tx: Tx, ctx: TransitionContext): Promise<void> {
    if (ctx.event.type !== 'RECORD_IMPLEMENTATION') return;
    const e = ctx.event as RecordImplementationEvent;
    const documentId = await this.resolve(tx.manager, e, ctx);
    await this.amendments.save(tx.manager, {
      regulationId: ctx.regulation.id,
      legalDocumentId: documentId,
      number: e.amendingDocumentNumber,
      effectiveDate: e.effectiveDate,
      recordedAt: ctx.at.toISOString(),
      historySeq: ctx.historySeq,
    });
  }

  private async resolve(
    m: EntityManager,
    e: RecordImplementationEvent,
    ctx: TransitionContext,
  ): Promise<string | null> {
    const number = normalizeDocumentNumber(e.amendingDocumentNumber);
    if (e.amendingDocumentId) {
      const d = await this.documents.find(e.amendingDocumentId, m);
      if (!d) {
        throw new ValidationProblem([
          { field: 'amendingDocumentId', message: 'no legal document has this id' },
        ]);
      }
      if (d.number.toUpperCase() !== number.toUpperCase()) {
        throw new ValidationProblem([
          {
            field: 'amendingDocumentNumber',
            message: `is not the number of document ${d.id} (${d.number})`,
          },
        ]);
      }
      return d.id;
    }
    if (e.amendingDocument) {
      const type = e.amendingDocumentType ?? guessDocumentTypes(number)[0];
      const checked = validateLegalDocument({
        number,
        type,
        issuer: e.amendingDocument.issuer,
        title: e.amendingDocument.title,
        issuedOn: e.amendingDocument.issuedOn,
        effectiveOn: e.effectiveDate,
      });
      if (!checked.ok) {
        throw new ValidationProblem(
          checked.errors.map((x) => ({
            field:
              x.field === 'number'
                ? 'amendingDocumentNumber'
                : x.field === 'type'
                  ? 'amendingDocumentType'
                  : x.field === 'effectiveOn'
                    ? 'effectiveDate'
                    : `amendingDocument.${x.field}`,
            message: x.message,
          })),
        );
      }
      const d = await this.documents.insertOrGet(m, checked.value, {
        userId: ctx.actor.userId,
        agencyId: ctx.actor.agencyId,
      });
      return d.id;
    }
    const types = e.amendingDocumentType ? [e.amendingDocumentType] : [];
    const found = await this.documents.findByNumber(m, number, types);
    return found.length === 1 ? found[0].id : null;
  }
}
