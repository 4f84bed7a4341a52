import { Body, Controller, Get, Patch, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, UsersOnly } from '../auth/decorators';
import { Principal } from '../domain/principal';
import {
  ExpertListQuery,
  ExpertPageDto,
  OwnExpertProfileDto,
  UpdateExpertProfileDto,
} from './expert.dto';
import { ExpertsService } from './experts.service';
import { ApiProblemResponses } from '../../common/openapi';

@ApiTags('experts')
@ApiBearerAuth()
@Controller('experts')
export class ExpertsController {
  constructor(private readonly experts: ExpertsService) {}

  @Get()
  @ApiProblemResponses(400, 401, 403)
  @Roles('ministry_officer', 'ministry_lead', 'gov_office', 'admin')
  @ApiOperation({
    summary: 'The expert directory: whom a ministry may invite to a consultation',
    description:
      'Active experts with their organisation and field, by name. The e-mail only of those who agreed to show it. Use `id` in OPEN_CONSULTATION `expertIds`.',
  })
  @ApiOkResponse({ type: ExpertPageDto })
  list(@Query() q: ExpertListQuery) {
    return this.experts.list(q);
  }

  @Get('me')
  @ApiProblemResponses(401, 403)
  @Roles('expert')
  @UsersOnly()
  @ApiOperation({ summary: 'Your own directory entry (experts)' })
  @ApiOkResponse({ type: OwnExpertProfileDto })
  own(@CurrentPrincipal() p: Principal) {
    return this.experts.own(p);
  }

  @Patch('me')
  @ApiProblemResponses(400, 401, 403)
  @Roles('expert')
  @UsersOnly()
  @ApiOperation({
    summary: 'Edit your directory entry: your field, and whether ministries see your e-mail',
  })
  @ApiOkResponse({ type: OwnExpertProfileDto })
  update(@CurrentPrincipal() p: Principal, @Body() dto: UpdateExpertProfileDto) {
    return this.experts.updateOwn(p, dto);
  }
}
