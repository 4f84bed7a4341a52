import { Controller, Get, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../common/public.decorator';
import { CurrentPrincipal, Roles } from '../../identity/auth/decorators';
import { Principal } from '../../identity/domain/principal';
import { buildProgress } from '../domain/ledger';
import { writeProgressWorkbook } from './progress-workbook';
import {
  NationalProgressListDto,
  NationalProgressQuery,
  OverdueQuery,
  ProgressItemsQuery,
  ProgressQuery,
  ProgressReportDto,
} from './progress.dto';
import { itemsUrl, ProgressService } from './progress.service';
import { ApiProblemResponses, PageOf } from '../../common/openapi';
import { OverdueItemDto, ProgressItemDto } from './progress-item-view.dto';

/** Who reads reports: the Government Office and admins (all), ministries (their own agency). */
const REPORT_READERS = ['gov_office', 'admin', 'ministry_officer', 'ministry_lead'] as const;

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ProgressController {
  constructor(private readonly progress: ProgressService) {}

  @Get('progress')
  @ApiProblemResponses(400, 401, 403)
  @Roles(...REPORT_READERS)
  @ApiOperation({
    summary: 'The targets ledger of a programme, for one agency or the nation',
    description:
      'Baseline (count, recurring business cost, costed coverage), pipeline, approved and implemented (counts, savings, shares of the targets, each with its denominator and a drill-down URL), plans outside the baseline, overdue implementations and the monthly series. Money in whole VND as strings. The Government Office sees every agency and the nation (no agencyId); a ministry only its own agency (403 otherwise).',
  })
  @ApiOkResponse({ type: ProgressReportDto })
  report(@CurrentPrincipal() p: Principal, @Query() q: ProgressQuery) {
    return this.progress.report(p, q);
  }

  @Get('national-progress')
  @ApiProblemResponses(400)
  @Public()
  @ApiOperation({
    summary: 'The national figures of the programmes, as the Government Office publishes them',
    description:
      'No sign-in. The nation only: baseline, pipeline, approved and implemented with their shares of the targets, overdue count. No agency figures, drill-down or items (those are GET /reports/progress, for the Government Office and the ministries).',
  })
  @ApiOkResponse({ type: NationalProgressListDto })
  async national(@Query() q: NationalProgressQuery) {
    return { items: await this.progress.national(q.programme) };
  }

  @Get('progress.xlsx')
  @ApiResponse({
    status: 200,
    content: {
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
        schema: { type: 'string', format: 'binary' },
      },
    },
  })
  @ApiProblemResponses(400, 401, 403)
  @Roles(...REPORT_READERS)
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({
    summary: 'The same as a workbook: summary per agency and nation, monthly series, regulations',
  })
  async workbook(
    @CurrentPrincipal() p: Principal,
    @Query() q: ProgressQuery,
    @Res() reply: FastifyReply,
  ) {
    const scope = await this.progress.report(p, q);
    const { programme, agency } = scope;
    const agencyId = agency?.id ?? null;
    const byAgency = await this.progress.aggregateRowsByAgency(programme.id, agencyId);
    const agencies = await this.progress.agencies([...byAgency.keys()]);
    const asOf = new Date(scope.asOf);
    const reports = agencies.map((a) =>
      buildProgress(byAgency.get(a.id)!, {
        programme,
        agency: a,
        asOf,
        itemsUrl: (bucket) => itemsUrl(programme.code, a.id, bucket),
        withoutSeries: true,
      }),
    );
    const name = `tien-do-${programme.code}${agency ? `-${agency.code}` : ''}.xlsx`.replace(
      /[^\w.-]/g,
      '_',
    );
    // Streamed straight to the socket: Fastify steps aside.
    const res = reply.hijack().raw;
    res.setHeader(
      'Content-Type',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    await writeProgressWorkbook(res, {
      scope,
      agencies: reports,
      lines: this.progress.programmeLines(programme.id, agencyId),
    });
  }

  @Get('progress/items')
  @ApiOkResponse({ type: PageOf(ProgressItemDto) })
  @ApiProblemResponses(400, 401, 403)
  @Roles(...REPORT_READERS)
  @ApiOperation({
    summary: 'The regulations behind one figure of the ledger (drill-down)',
    description:
      'Their savings and baseline costs add up to the figure. `month` narrows approved/implemented to one point of the series.',
  })
  items(@CurrentPrincipal() p: Principal, @Query() q: ProgressItemsQuery) {
    return this.progress.items(p, q);
  }

  @Get('overdue')
  @ApiOkResponse({ type: PageOf(OverdueItemDto) })
  @ApiProblemResponses(400, 401, 403)
  @Roles(...REPORT_READERS)
  @ApiOperation({
    summary: 'Implementations past their deadline (implementing.overdue), most overdue first',
    description:
      'With the deadline, the days overdue (calendar days in Asia/Ho_Chi_Minh) and the agency. A ministry sees its own; the Government Office all or one agency.',
  })
  overdue(@CurrentPrincipal() p: Principal, @Query() q: OverdueQuery) {
    return this.progress.overdue(p, q);
  }
}
