import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { UuidParam } from '../../common/uuid-param';
import { AnyRole, CurrentPrincipal, Roles } from '../../identity/auth/decorators';
import { Principal } from '../../identity/domain/principal';
import { etagOf, parseIfMatch } from '../shared/costing-rules';
import {
  CreateParameterSetDto,
  ParameterSetListQuery,
  UpdateParameterSetDto,
} from './parameter-set.dto';
import { CostParameterSetsService } from './cost-parameter-sets.service';
import { ApiProblemResponses, PageOf } from '../../common/openapi';
import {
  ParameterSetHistoryDto,
  ParameterSetUpdatedDto,
  ParameterSetViewDto,
} from './parameter-set-view.dto';

@ApiTags('costs')
@ApiBearerAuth()
@Controller('cost-parameter-sets')
export class CostParameterSetsController {
  constructor(private readonly sets: CostParameterSetsService) {}

  @Get()
  @ApiOkResponse({ type: PageOf(ParameterSetViewDto) })
  @ApiProblemResponses(400, 401, 403)
  @AnyRole()
  @ApiOperation({ summary: 'Cost-parameter sets, newest year first' })
  list(@Query() q: ParameterSetListQuery) {
    return this.sets.list(q);
  }

  @Get(':id')
  @ApiOkResponse({ type: ParameterSetViewDto })
  @ApiProblemResponses(400, 401, 403, 404)
  @AnyRole()
  @ApiOperation({ summary: 'One cost-parameter set' })
  get(@UuidParam() id: string) {
    return this.sets.get(id);
  }

  @Get(':id/history')
  @ApiOkResponse({ type: ParameterSetHistoryDto })
  @ApiProblemResponses(400, 401, 403, 404)
  @AnyRole()
  @ApiOperation({ summary: 'Every version of a set' })
  history(@UuidParam() id: string) {
    return this.sets.history(id);
  }

  @Post()
  @ApiCreatedResponse({ type: ParameterSetViewDto })
  @ApiProblemResponses(400, 401, 403)
  @Roles('admin')
  @ApiOperation({ summary: 'Create a cost-parameter set' })
  create(@CurrentPrincipal() actor: Principal, @Body() dto: CreateParameterSetDto) {
    return this.sets.create(actor, dto);
  }

  @Patch(':id')
  @ApiOkResponse({ type: ParameterSetUpdatedDto })
  @ApiProblemResponses(400, 401, 403, 404, 409)
  @Roles('admin')
  @ApiOperation({
    summary: 'Edit a set; every estimate using it is recalculated by a job (recalculationJobId)',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'the version being edited' })
  async update(
    @CurrentPrincipal() actor: Principal,
    @UuidParam() id: string,
    @Body() dto: UpdateParameterSetDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const view = await this.sets.update(actor, id, dto, parseIfMatch(ifMatch));
    res.header('ETag', etagOf(view.version));
    return view;
  }

  @Delete(':id')
  @ApiNoContentResponse()
  @ApiProblemResponses(400, 401, 403, 404)
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an unused set (409 when an estimate uses it)' })
  async remove(@CurrentPrincipal() actor: Principal, @UuidParam() id: string): Promise<void> {
    await this.sets.remove(actor, id);
  }
}
