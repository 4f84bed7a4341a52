import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import type { ServerResponse } from 'node:http';
import { DataSource } from 'typeorm';
import { Public } from '../../common/public.decorator';
import { CurrentPrincipal } from '../../identity/auth/decorators';
import { Principal } from '../../identity/domain/principal';
import { LegalDocumentType, RegulationCategory, SubjectType } from '../domain';
import { CSV_UTF8_BOM, IMPORT_COLUMNS, toImportRecord, writeCsvRow } from '../import';
import { RegulationEntity } from '../persistence/regulation.entity';
import { applyRegulationVisibility } from './regulation-query';
import { RegulationListQuery } from './regulation.dto';
import { RegulationsService } from './regulations.service';
import { AgencyDirectory } from '../../identity/agencies/agency-directory';
import { SectorRepository } from '../persistence/sector.repository';
import { ApiProblemResponses } from '../../common/openapi';

const BATCH = 1000;
// Extra columns after the import columns, so an export can be edited and imported again.
const EXTRA_HEADERS = ['Mã quy định (ID)', 'Cơ quan chủ trì', 'Trạng thái'];

/**
 * Exports of any filtered list, streamed in keyset batches: memory stays flat whatever the size.
 * Declared before RegulationsController so `export.xlsx` is not taken for an id.
 */
@ApiTags('regulations')
@ApiBearerAuth()
@Controller('regulations')
export class RegulationsExportController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly regulations: RegulationsService,
    private readonly agencies: AgencyDirectory,
    private readonly sectors: SectorRepository,
  ) {}

  @Get('export.csv')
  @ApiResponse({
    status: 200,
    content: { 'text/csv': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiProblemResponses(400)
  @Public()
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'Export the filtered register as CSV (streamed)' })
  async csv(
    @CurrentPrincipal() p: Principal | undefined,
    @Query() q: RegulationListQuery,
    @Res() reply: FastifyReply,
  ) {
    const batches = await this.firstBatchThen(p, q);
    // Streamed straight to the socket: Fastify steps aside once the filter is known to be good.
    const res = reply.hijack().raw;
    await streaming(res, async () => {
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', 'attachment; filename="quy-dinh.csv"');
      res.write(
        CSV_UTF8_BOM + writeCsvRow([...IMPORT_COLUMNS.map((c) => c.header), ...EXTRA_HEADERS]),
      );
      for await (const rows of batches) {
        const chunk = rows.map((r) => writeCsvRow(r)).join('');
        if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
      }
      res.end();
    });
  }

  @Get('export.xlsx')
  @ApiResponse({
    status: 200,
    content: {
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
        schema: { type: 'string', format: 'binary' },
      },
    },
  })
  @ApiProblemResponses(400)
  @Public()
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({ summary: 'Export the filtered register as XLSX (streamed)' })
  async xlsx(
    @CurrentPrincipal() p: Principal | undefined,
    @Query() q: RegulationListQuery,
    @Res() reply: FastifyReply,
  ) {
    const batches = await this.firstBatchThen(p, q);
    // Streamed straight to the socket: Fastify steps aside once the filter is known to be good.
    const res = reply.hijack().raw;
    await streaming(res, async () => {
      res.setHeader(
        'Content-Type',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      res.setHeader('Content-Disposition', 'attachment; filename="quy-dinh.xlsx"');
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
        stream: res,
        useStyles: true,
        useSharedStrings: false,
      });
      const sheet = workbook.addWorksheet('Quy định');
      sheet.columns = [
        ...IMPORT_COLUMNS.map((c) => ({ header: c.header, width: c.width })),
        ...EXTRA_HEADERS.map((h) => ({ header: h, width: 20 })),
      ];
      sheet.getRow(1).font = { bold: true };
      sheet.getRow(1).commit();
      for await (const rows of batches) {
        for (const r of rows) sheet.addRow(r).commit();
      }
      sheet.commit();
      await workbook.commit();
    });
  }

  /**
   * The batches with the first one already read, so a bad filter (an unknown programme, …) is
   * still a 400 problem: once the 200 and its headers are sent, no problem can follow.
   */
  private async firstBatchThen(
    p: Principal | undefined,
    q: RegulationListQuery,
  ): Promise<AsyncIterable<string[][]>> {
    const rest = this.batches(p, q);
    const first = await rest.next();
    return (async function* () {
      if (first.done) return;
      yield first.value;
      yield* rest;
    })();
  }

  /** The filtered, visible regulations as export rows, a thousand at a time. */
  private async *batches(
    p: Principal | undefined,
    q: RegulationListQuery,
  ): AsyncGenerator<string[][]> {
    const agencies = await this.agencies.codesById();
    const sectors = await this.sectors.namesByCode();
    let after: [string, string] | null = null;
    for (;;) {
      const qb = this.dataSource.getRepository(RegulationEntity).createQueryBuilder('r');
      applyRegulationVisibility(qb, p);
      await this.regulations.applyFilters(qb, q);
      if (after)
        qb.andWhere('(r.created_at, r.id) > (:afterAt, :afterId)', {
          afterAt: after[0],
          afterId: after[1],
        });
      const rows = await qb.orderBy('r.created_at').addOrderBy('r.id').limit(BATCH).getMany();
      if (!rows.length) return;
      const docs = await this.regulations.documentsOf(rows);
      yield rows.map((r) => {
        const d = docs.get(r.legalDocumentId)!;
        const record = toImportRecord(
          {
            number: d.number,
            type: d.type as LegalDocumentType,
            issuer: d.issuer,
            title: d.title,
            issuedOn: d.issuedOn,
            effectiveOn: d.effectiveOn,
            expiredOn: d.expiredOn,
          },
          {
            provision: r.provision,
            title: r.title,
            description: r.description,
            category: r.category as RegulationCategory,
            sector: r.sectorCode,
            procedureCode: r.procedureCode,
            subjectTypes: r.subjectTypes as SubjectType[],
          },
          { sectorName: sectors.get(r.sectorCode) },
        );
        return [...record, r.id, agencies.get(r.agencyId) ?? r.agencyId, r.stateName];
      });
      const last = rows[rows.length - 1];
      after = [last.createdAt.toISOString(), last.id];
      if (rows.length < BATCH) return;
    }
  }
}

/** A failure after the body has started cuts the connection (a client must not wait forever). */
async function streaming(res: ServerResponse, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (err) {
    if (!res.headersSent) throw err;
    res.destroy(err as Error);
  }
}
