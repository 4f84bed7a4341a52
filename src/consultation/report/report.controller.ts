import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { UuidParam } from '../../common/uuid-param';
import { CurrentPrincipal, Roles } from '../../identity/auth/decorators';
import { Principal } from '../../identity/domain/principal';
import { contentDisposition } from '../domain/attachment-type';
import { ReportQuery } from '../feedback/feedback.dto';
import { buildReportWorkbook } from './report.workbook';
import { ConsultationReportDto } from './report-view.dto';
import { ReportService } from './report.service';
import { ApiProblemResponses } from '../../common/openapi';

// The workbook is documented as binary content beside the JSON DTO.
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('consultations')
@ApiBearerAuth()
@Controller('consultations')
export class ReportController {
  constructor(private readonly reports: ReportService) {}

  @Get(':id/report')
  @ApiOkResponse({
    content: {
      'application/json': { schema: { $ref: getSchemaPath(ConsultationReportDto) } },
      [XLSX]: { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiExtraModels(ConsultationReportDto)
  @ApiProblemResponses(400, 401, 403, 404)
  @Roles('ministry_officer', 'ministry_lead', 'gov_office', 'admin')
  @ApiOperation({
    summary: 'The consultation report (JSON, or ?format=xlsx)',
    description:
      'Every item of the consultation the round belongs to (both rounds of its cycle): who, when, target, evidence, attachments, the answer, and the cost effect of accepted items. The owning agency, the Government Office and admins.',
  })
  @ApiProduces('application/json', XLSX)
  async report(
    @CurrentPrincipal() p: Principal,
    @UuidParam() id: string,
    @Query() q: ReportQuery,
  ): Promise<ConsultationReportDto | StreamableFile> {
    const report = await this.reports.build(p, id);
    if (q.format !== 'xlsx') return report;
    const date = report.generatedAt.slice(0, 10);
    return new StreamableFile(await buildReportWorkbook(report), {
      type: XLSX,
      disposition: contentDisposition(`bao-cao-tham-van-${report.cycle}-${date}.xlsx`),
    });
  }
}
