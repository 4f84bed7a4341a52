import { Body, Controller, Get, Headers, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../common/public.decorator';
import { UuidParam } from '../../common/uuid-param';
import { CurrentPrincipal, Roles } from '../../identity/auth/decorators';
import { Principal } from '../../identity/domain/principal';
import { PlanService } from '../plan/plan.service';
import { PutPlanDto } from '../plan/plan.dto';
import { EstimateKind, etagOf, parseIfMatch } from '../shared/costing-rules';
import { CostEstimatesService } from './cost-estimates.service';
import { EstimateHistoryQuery, PutEstimateDto } from './estimate.dto';
import { ApiProblemResponses, PageOf } from '../../common/openapi';
import { CostOverviewDto, EstimateHistoryItemDto, EstimateViewDto } from './estimate-view.dto';
import { PlanViewDto } from '../plan/plan-view.dto';

const IF_MATCH = {
  name: 'If-Match',
  required: false,
  description: 'the version being replaced; 409 when it is no longer current',
};

/** Compliance costs (chi phí tuân thủ) and the plan of one regulation. */
@ApiTags('costs')
@ApiBearerAuth()
@Controller('regulations')
export class RegulationCostsController {
  constructor(
    private readonly estimates: CostEstimatesService,
    private readonly plans: PlanService,
  ) {}

  @Put(':id/cost-estimates/baseline')
  @ApiOkResponse({ type: EstimateViewDto })
  @ApiProblemResponses(400, 401, 403, 404, 409)
  @Roles('ministry_officer', 'ministry_lead')
  @ApiOperation({ summary: 'Replace the baseline estimate (in draft, review, costing, retained)' })
  @ApiHeader(IF_MATCH)
  putBaseline(
    @CurrentPrincipal() p: Principal,
    @UuidParam() id: string,
    @Body() dto: PutEstimateDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return this.put(p, id, 'baseline', dto, ifMatch, res);
  }

  @Put(':id/cost-estimates/proposed')
  @ApiOkResponse({ type: EstimateViewDto })
  @ApiProblemResponses(400, 401, 403, 404, 409)
  @Roles('ministry_officer', 'ministry_lead')
  @ApiOperation({ summary: 'Replace the proposed estimate (in drafting_plan)' })
  @ApiHeader(IF_MATCH)
  putProposed(
    @CurrentPrincipal() p: Principal,
    @UuidParam() id: string,
    @Body() dto: PutEstimateDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return this.put(p, id, 'proposed', dto, ifMatch, res);
  }

  @Get(':id/cost-estimates')
  @ApiOkResponse({ type: CostOverviewDto })
  @ApiProblemResponses(400, 404)
  @Public()
  @ApiOperation({ summary: 'Current baseline and proposed estimates, savings and reduction %' })
  overview(@CurrentPrincipal() p: Principal | undefined, @UuidParam() id: string) {
    return this.estimates.overview(p, id);
  }

  @Get(':id/cost-estimates/history')
  @ApiOkResponse({ type: PageOf(EstimateHistoryItemDto) })
  @ApiProblemResponses(400, 404)
  @Public()
  @ApiOperation({ summary: 'Every version of the estimates: who, when, why, source' })
  history(
    @CurrentPrincipal() p: Principal | undefined,
    @UuidParam() id: string,
    @Query() q: EstimateHistoryQuery,
  ) {
    return this.estimates.history(p, id, q);
  }

  @Put(':id/plan')
  @ApiOkResponse({ type: PlanViewDto })
  @ApiProblemResponses(400, 401, 403, 404, 409)
  @Roles('ministry_officer', 'ministry_lead')
  @ApiOperation({ summary: 'Write the simplification plan (in drafting_plan)' })
  @ApiHeader(IF_MATCH)
  async putPlan(
    @CurrentPrincipal() p: Principal,
    @UuidParam() id: string,
    @Body() dto: PutPlanDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const plan = await this.plans.put(p, id, dto, parseIfMatch(ifMatch));
    res.header('ETag', etagOf(plan.version));
    return plan;
  }

  @Get(':id/plan')
  @ApiOkResponse({ type: PlanViewDto })
  @ApiProblemResponses(400, 404)
  @Public()
  @ApiOperation({ summary: 'The simplification plan of a regulation' })
  getPlan(@CurrentPrincipal() p: Principal | undefined, @UuidParam() id: string) {
    return this.plans.get(p, id);
  }

  private async put(
    p: Principal,
    id: string,
    kind: EstimateKind,
    dto: PutEstimateDto,
    ifMatch: string | undefined,
    res: FastifyReply,
  ) {
    const view = await this.estimates.put(p, id, kind, dto, parseIfMatch(ifMatch));
    res.header('ETag', etagOf(view.version));
    return view;
  }
}
