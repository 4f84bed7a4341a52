import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { UuidParam } from '../../common/uuid-param';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AnyRole, CurrentPrincipal, Roles } from '../auth/decorators';
import { Principal } from '../domain/principal';
import { AgencyListQuery, CreateAgencyDto, UpdateAgencyDto } from './agency.dto';
import { AgenciesService } from './agencies.service';
import { ApiProblemResponses, PageOf } from '../../common/openapi';
import { AgencyViewDto } from './agency-view.dto';

@ApiTags('agencies')
@ApiBearerAuth()
@Controller('agencies')
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @Get()
  @ApiOkResponse({ type: PageOf(AgencyViewDto) })
  @ApiProblemResponses(400, 401, 403)
  @AnyRole()
  @ApiOperation({ summary: 'Agencies (ministries, provinces, the Government Office)' })
  list(@Query() q: AgencyListQuery) {
    return this.agencies.list(q);
  }

  @Get(':id')
  @ApiOkResponse({ type: AgencyViewDto })
  @ApiProblemResponses(400, 401, 403, 404)
  @AnyRole()
  @ApiOperation({ summary: 'One agency' })
  get(@UuidParam() id: string) {
    return this.agencies.get(id);
  }

  @Post()
  @ApiCreatedResponse({ type: AgencyViewDto })
  @ApiProblemResponses(400, 401, 403)
  @Roles('admin')
  @ApiOperation({ summary: 'Create an agency (admin)' })
  create(@CurrentPrincipal() actor: Principal, @Body() dto: CreateAgencyDto) {
    return this.agencies.create(actor, dto);
  }

  @Patch(':id')
  @ApiOkResponse({ type: AgencyViewDto })
  @ApiProblemResponses(400, 401, 403, 404)
  @Roles('admin')
  @ApiOperation({ summary: 'Rename or deactivate an agency (admin)' })
  update(
    @CurrentPrincipal() actor: Principal,
    @UuidParam() id: string,
    @Body() dto: UpdateAgencyDto,
  ) {
    return this.agencies.update(actor, id, dto);
  }
}
