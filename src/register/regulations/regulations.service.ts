import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AccessPolicy } from '../../access/access-policy';
import { requireAccess } from '../../access/require-access';
import { Clock } from '../../common/clock';
import { decodeCursor, Page, toPage } from '../../common/pagination';
import { ProblemException, ValidationProblem } from '../../common/problem';
import { TransactionRunner } from '../../database/transaction-runner';
import { Principal } from '../../identity/domain/principal';
import { validateRegulationFields } from '../domain';
import { LegalDocumentEntity } from '../persistence/legal-document.entity';
import { RegulationEntity } from '../persistence/regulation.entity';
import { accessFacts, RegulationRepository } from '../persistence/regulation.repository';
import { ProgrammesService } from '../programmes/programmes.service';
import { RegulationDetailExtensions } from '../regulation-detail.extensions';
import { RegulationWorkflowSeed } from '../regulation-workflow-seed';
import {
  applyRegulationSearch,
  applyRegulationVisibility,
  IN_PROGRAMME_BASELINE,
} from './regulation-query';
import { CreateRegulationDto, RegulationListQuery, UpdateRegulationDto } from './regulation.dto';
import { regulationSearchText } from './search-text';
import { SectorRepository } from '../persistence/sector.repository';
import { msg } from '../../common/i18n/catalogue';

export interface RegulationView {
  id: string;
  legalDocumentId: string;
  legalDocument: { id: string; number: string; type: string; title: string } | null;
  provision: string;
  title: string;
  description: string;
  category: string;
  sector: string;
  agencyId: string;
  procedureCode: string | null;
  subjectTypes: string[];
  state: unknown;
  stateName: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export function regulationView(
  r: RegulationEntity,
  doc?: LegalDocumentEntity | null,
): RegulationView {
  return {
    id: r.id,
    legalDocumentId: r.legalDocumentId,
    legalDocument: doc
      ? { id: doc.id, number: doc.number, type: doc.type, title: doc.title }
      : null,
    provision: r.provision,
    title: r.title,
    description: r.description,
    category: r.category,
    sector: r.sectorCode,
    agencyId: r.agencyId,
    procedureCode: r.procedureCode,
    subjectTypes: r.subjectTypes,
    state: r.state,
    stateName: r.stateName,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

@Injectable()
export class RegulationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly regulations: RegulationRepository,
    private readonly sectors: SectorRepository,
    private readonly programmes: ProgrammesService,
    private readonly extensions: RegulationDetailExtensions,
    private readonly clock: Clock,
    private readonly workflowSeed: RegulationWorkflowSeed,
  ) {}

  async create(actor: Principal, dto: CreateRegulationDto): Promise<RegulationView> {
    requireAccess(AccessPolicy.createForAgency(actor, dto.agencyId));
    return this.transactions.run(async ({ manager }) => {
      const doc = await this.documentOrFail(manager, dto.legalDocumentId);
      const fields = await this.validated(manager, dto as unknown as Record<string, unknown>);
      const now = this.clock.now();
      const { snapshot, state, stateName, machineVersion } = this.workflowSeed.initial(
        now.toISOString(),
      );
      const r = manager.create(RegulationEntity, {
        id: randomUUID(),
        legalDocumentId: doc.id,
        provision: fields.provision,
        title: fields.title,
        description: fields.description,
        category: fields.category,
        sectorCode: fields.sector,
        agencyId: dto.agencyId,
        procedureCode: fields.procedureCode,
        subjectTypes: fields.subjectTypes,
        searchText: regulationSearchText(fields, doc),
        workflowSnapshot: snapshot as unknown as Record<string, unknown>,
        machineVersion,
        state,
        stateName,
        published: false,
        planPublic: false,
        version: 1,
        createdBy: actor.userId,
        updatedBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      });
      await manager.insert(RegulationEntity, r as never);
      return regulationView(r, doc);
    });
  }

  async detail(principal: Principal | undefined, id: string) {
    const r = await this.regulations.find(id);
    if (!r) throw new ProblemException(404, 'not-found', msg('regulation.noSuch'));
    requireAccess(AccessPolicy.readRegulation(principal, accessFacts(r)), 'regulation');
    const doc = await this.dataSource.manager.findOneBy(LegalDocumentEntity, {
      id: r.legalDocumentId,
    });
    return {
      ...regulationView(r, doc),
      ...(await this.extensions.collect({ regulation: r, principal })),
    };
  }

  async list(
    principal: Principal | undefined,
    q: RegulationListQuery,
  ): Promise<Page<RegulationView>> {
    const limit = q.limit ?? 50;
    const after = decodeCursor(q.cursor, 2);
    const qb = this.dataSource.getRepository(RegulationEntity).createQueryBuilder('r');
    applyRegulationVisibility(qb, principal);
    await this.applyFilters(qb, q);
    if (after)
      qb.andWhere('(r.created_at, r.id) > (:afterAt, :afterId)', {
        afterAt: after[0],
        afterId: after[1],
      });
    const rows = await qb
      .orderBy('r.created_at')
      .addOrderBy('r.id')
      .limit(limit + 1)
      .getMany();
    const docs = await this.documentsOf(rows);
    return toPage(
      rows,
      limit,
      (r) => regulationView(r, docs.get(r.legalDocumentId)),
      (r) => [r.createdAt.toISOString(), r.id],
    );
  }

  /** The filters of `GET /regulations`, shared with exports. */
  async applyFilters(
    qb: import('typeorm').SelectQueryBuilder<RegulationEntity>,
    q: RegulationListQuery,
  ) {
    if (q.category) qb.andWhere('r.category = :category', { category: q.category });
    if (q.sector) qb.andWhere('r.sector_code = :sector', { sector: q.sector });
    if (q.agencyId) qb.andWhere('r.agency_id = :agencyId', { agencyId: q.agencyId });
    if (q.state) qb.andWhere('r.state_name = :stateName', { stateName: q.state });
    if (q.legalDocumentId)
      qb.andWhere('r.legal_document_id = :docId', { docId: q.legalDocumentId });
    if (q.programme) {
      const programme = await this.programmes.byCode(q.programme);
      if (!programme)
        throw new ValidationProblem([
          { field: 'programme', message: `unknown programme "${q.programme}"` },
        ]);
      qb.andWhere(IN_PROGRAMME_BASELINE, { baselineProgrammeId: programme.id });
    }
    applyRegulationSearch(qb, q.search);
  }

  async documentsOf(rows: RegulationEntity[]): Promise<Map<string, LegalDocumentEntity>> {
    const ids = [...new Set(rows.map((r) => r.legalDocumentId))];
    if (!ids.length) return new Map();
    const docs = await this.dataSource
      .getRepository(LegalDocumentEntity)
      .createQueryBuilder('d')
      .where('d.id IN (:...ids)', { ids })
      .getMany();
    return new Map(docs.map((d) => [d.id, d]));
  }

  /** Edits of the register fields: only in draft, only with the current version in If-Match. */
  update(
    actor: Principal,
    id: string,
    ifMatch: number | undefined,
    dto: UpdateRegulationDto,
  ): Promise<RegulationView> {
    return this.transactions.run(async ({ manager }) => {
      const r = await this.regulations.findForUpdate(manager, id);
      if (!r) throw new ProblemException(404, 'not-found', msg('regulation.noSuch'));
      requireAccess(AccessPolicy.writeRegulation(actor, accessFacts(r)), 'regulation');
      if (ifMatch === undefined) {
        throw new ProblemException(428, 'precondition-required', msg('regulation.sendIfMatch'));
      }
      if (ifMatch !== r.version) {
        throw new ProblemException(
          409,
          'version-conflict',
          msg('regulation.staleVersion', { version: r.version, ifMatch }),
          { currentVersion: r.version },
        );
      }
      if (r.stateName !== 'draft') {
        throw new ProblemException(
          409,
          'wrong-state',
          msg('regulation.editOnlyDraft', { state: r.stateName }),
          { stateName: r.stateName },
        );
      }
      const doc = await this.documentOrFail(manager, dto.legalDocumentId ?? r.legalDocumentId);
      const defined = Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined));
      const fields = await this.validated(manager, {
        provision: r.provision,
        title: r.title,
        description: r.description,
        category: r.category,
        sector: r.sectorCode,
        procedureCode: r.procedureCode,
        subjectTypes: r.subjectTypes,
        ...defined,
      });
      Object.assign(r, {
        legalDocumentId: doc.id,
        provision: fields.provision,
        title: fields.title,
        description: fields.description,
        category: fields.category,
        sectorCode: fields.sector,
        procedureCode: fields.procedureCode,
        subjectTypes: fields.subjectTypes,
        searchText: regulationSearchText(fields, doc),
        version: r.version + 1,
        updatedBy: actor.userId,
        updatedAt: this.clock.now(),
      });
      await manager.update(
        RegulationEntity,
        { id, version: ifMatch },
        {
          legalDocumentId: r.legalDocumentId,
          provision: r.provision,
          title: r.title,
          description: r.description,
          category: r.category,
          sectorCode: r.sectorCode,
          procedureCode: r.procedureCode,
          subjectTypes: r.subjectTypes,
          searchText: r.searchText,
          version: r.version,
          updatedBy: r.updatedBy,
          updatedAt: r.updatedAt,
        },
      );
      return regulationView(r, doc);
    });
  }

  private async documentOrFail(manager: EntityManager, id: string): Promise<LegalDocumentEntity> {
    const doc = await manager.findOneBy(LegalDocumentEntity, { id });
    if (!doc)
      throw new ValidationProblem([
        { field: 'legalDocumentId', message: 'no such legal document' },
      ]);
    return doc;
  }

  private async validated(manager: EntityManager, input: Record<string, unknown>) {
    const sectors = await this.sectors.active(manager);
    const result = validateRegulationFields(input, {
      sectorCodes: new Set(sectors.map((s) => s.code)),
    });
    if (!result.ok) throw new ValidationProblem(result.errors);
    return result.value;
  }
}
