import { Body, Controller, Get, Headers, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiTags,
  ApiOperation,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { etagOf, parseIfMatch } from '../../common/if-match';
import { Public } from '../../common/public.decorator';
import { UuidParam } from '../../common/uuid-param';
import { CurrentPrincipal, Roles } from '../../identity/auth/decorators';
import { Principal } from '../../identity/domain/principal';
import { CreateRegulationDto, RegulationListQuery, UpdateRegulationDto } from './regulation.dto';
import {
  RegulationDetailDto,
  RegulationPageDto,
  RegulationResponseDto,
} from './regulation.response';
import { RegulationsService } from './regulations.service';
import { ApiProblemResponses } from '../../common/openapi';

@ApiTags('regulations')
@ApiBearerAuth()
@Controller('regulations')
export class RegulationsController {
  constructor(private readonly regulations: RegulationsService) {}

  /** Files a regulation of the caller's own agency, in draft. */
  @Post()
  @ApiProblemResponses(400, 401, 403)
  @Roles('ministry_officer', 'ministry_lead')
  @ApiCreatedResponse({ type: RegulationResponseDto })
  create(@CurrentPrincipal() actor: Principal, @Body() dto: CreateRegulationDto) {
    return this.regulations.create(actor, dto);
  }

  /** The register: published regulations for everyone, plus the caller's own agency's drafts. */
  @Get()
  @ApiProblemResponses(400)
  @Public()
  @ApiOkResponse({ type: RegulationPageDto })
  list(@CurrentPrincipal() p: Principal | undefined, @Query() q: RegulationListQuery) {
    return this.regulations.list(p, q);
  }

  @Get(':id')
  @ApiProblemResponses(400, 404)
  @Public()
  @ApiOkResponse({ type: RegulationDetailDto })
  @ApiOperation({ summary: 'One regulation with its extensions (costs, workflow, plan)' })
  async get(
    @CurrentPrincipal() p: Principal | undefined,
    @UuidParam() id: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const view = await this.regulations.detail(p, id);
    res.header('ETag', etagOf(view.version));
    return view;
  }

  @Patch(':id')
  @ApiProblemResponses(400, 401, 403, 404, 409)
  @Roles('ministry_officer', 'ministry_lead')
  @ApiHeader({ name: 'If-Match', required: true, description: 'the version being edited' })
  @ApiOkResponse({ type: RegulationResponseDto })
  @ApiOperation({ summary: 'Edit a regulation (If-Match: its version)' })
  async update(
    @CurrentPrincipal() actor: Principal,
    @UuidParam() id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() dto: UpdateRegulationDto,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const view = await this.regulations.update(actor, id, parseIfMatch(ifMatch), dto);
    res.header('ETag', etagOf(view.version));
    return view;
  }
}
