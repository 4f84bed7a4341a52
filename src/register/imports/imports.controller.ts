import {
  Controller,
  Get,
  HttpCode,
  Post,
  Query,
  Res,
  StreamableFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiPropertyOptional,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { readsEverything } from '../../access/access-policy';
import {
  MultipartFile,
  MultipartFileInterceptor,
  UploadedMultipartFile,
} from '../../common/multipart-file.interceptor';
import { ProblemException, ValidationProblem } from '../../common/problem';
import { Public } from '../../common/public.decorator';
import { UuidParam } from '../../common/uuid-param';
import { CurrentPrincipal, Roles } from '../../identity/auth/decorators';
import { Principal } from '../../identity/domain/principal';
import { JobRunService } from '../../jobs/runs/job-run.service';
import { buildErrorReport, buildImportTemplate } from '../import';
import { SectorRepository } from '../persistence/sector.repository';
import {
  IMPORT_INTERNAL_ERROR,
  IMPORT_JOB,
  ImportsService,
  MAX_IMPORT_BYTES,
} from './imports.service';
import { msg } from '../../common/i18n/catalogue';
import { ApiProblemResponses } from '../../common/openapi';
import { ImportAcceptedDto } from './import-accepted.dto';

export class ImportQuery {
  @ApiPropertyOptional({
    description: 'import the valid rows even when others have errors',
    default: false,
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  validRowsOnly?: boolean;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('imports')
@ApiBearerAuth()
@Controller('imports')
export class ImportsController {
  constructor(
    private readonly imports: ImportsService,
    private readonly jobRuns: JobRunService,
    private readonly sectors: SectorRepository,
  ) {}

  /**
   * Uploads an XLSX or CSV file of regulations (and their legal documents) for the caller's agency.
   * A file with errors imports nothing unless `validRowsOnly=true`. Follow the job at GET /jobs/:id.
   */
  @Post()
  @ApiAcceptedResponse({ type: ImportAcceptedDto })
  @ApiProblemResponses(400, 401, 403)
  @HttpCode(202)
  @Roles('ministry_officer', 'ministry_lead')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
  })
  @UseInterceptors(MultipartFileInterceptor('file', { maxBytes: MAX_IMPORT_BYTES }))
  async upload(
    @CurrentPrincipal() actor: Principal,
    @UploadedMultipartFile() file: MultipartFile | undefined,
    @Query() q: ImportQuery,
  ) {
    if (!file)
      throw new ValidationProblem([
        { field: 'file', message: 'attach the XLSX or CSV file as multipart field "file"' },
      ]);
    return this.imports.start(actor, file, q.validRowsOnly ?? false);
  }

  /** The import template, with Vietnamese headers and an instructions sheet. */
  @Get('template.xlsx')
  @ApiProblemResponses(400)
  @ApiResponse({
    status: 200,
    content: {
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
        schema: { type: 'string', format: 'binary' },
      },
    },
  })
  @Public()
  async template(@Res({ passthrough: true }) res: FastifyReply) {
    const sectors = await this.sectors.active();
    res.header('Content-Type', XLSX);
    res.header('Content-Disposition', 'attachment; filename="regcut-mau-nhap-quy-dinh.xlsx"');
    return new StreamableFile(await buildImportTemplate({ sectors }));
  }

  /** The per-row error report of an import (Dòng, Cột, Lỗi). */
  @Get(':jobId/errors.xlsx')
  @ApiResponse({
    status: 200,
    content: {
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
        schema: { type: 'string', format: 'binary' },
      },
    },
  })
  @ApiProblemResponses(400, 401, 403, 404)
  @Roles('ministry_officer', 'ministry_lead', 'gov_office', 'admin')
  async errors(
    @CurrentPrincipal() p: Principal,
    @UuidParam('jobId') jobId: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const run = await this.jobRuns.find(jobId);
    if (!run || run.kind !== IMPORT_JOB || !(readsEverything(p) || run.createdBy === p.userId)) {
      throw new ProblemException(404, 'not-found', msg('import.noSuch'));
    }
    if (run.status !== 'succeeded' && run.status !== 'failed')
      throw new ProblemException(
        409,
        'not-finished',
        msg('import.notFinished', { status: run.status }),
      );
    const errors = ((run.result ?? {}) as { errors?: [] }).errors ?? [];
    res.header('Content-Type', XLSX);
    res.header('Content-Disposition', `attachment; filename="loi-nhap-${jobId}.xlsx"`);
    // A failed import read no rows: the report says why the whole file was refused.
    const fileError = run.status === 'failed' ? (run.error ?? IMPORT_INTERNAL_ERROR) : undefined;
    return new StreamableFile(await buildErrorReport(errors, { fileError }));
  }
}
