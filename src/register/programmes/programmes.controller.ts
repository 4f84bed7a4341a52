import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { UuidParam } from '../../common/uuid-param';
import { AnyRole, CurrentPrincipal, Roles } from '../../identity/auth/decorators';
import { Principal } from '../../identity/domain/principal';
import { CreateProgrammeDto, UpdateProgrammeDto } from './programme.dto';
import { ProgrammesService } from './programmes.service';
import { ApiProblemResponses, PageOf } from '../../common/openapi';
import { ProgrammeViewDto } from './programme-view.dto';

/** Chương trình: NQ68, NQ66 and any later target set. */
@ApiTags('programmes')
@ApiBearerAuth()
@Controller('programmes')
export class ProgrammesController {
  constructor(private readonly programmes: ProgrammesService) {}

  @Get()
  @ApiOkResponse({ type: PageOf(ProgrammeViewDto) })
  @ApiProblemResponses(401, 403)
  @AnyRole()
  @ApiOperation({ summary: 'Programmes (the resolutions whose targets are tracked)' })
  async list() {
    return { items: await this.programmes.list(), nextCursor: null };
  }

  @Get(':id')
  @ApiOkResponse({ type: ProgrammeViewDto })
  @ApiProblemResponses(400, 401, 403, 404)
  @AnyRole()
  @ApiOperation({ summary: 'One programme' })
  get(@UuidParam() id: string) {
    return this.programmes.get(id);
  }

  @Post()
  @ApiCreatedResponse({ type: ProgrammeViewDto })
  @ApiProblemResponses(400, 401, 403)
  @Roles('admin')
  @ApiOperation({ summary: 'Create a programme with its targets (admin)' })
  create(@CurrentPrincipal() actor: Principal, @Body() dto: CreateProgrammeDto) {
    return this.programmes.create(actor, dto);
  }

  @Patch(':id')
  @ApiOkResponse({ type: ProgrammeViewDto })
  @ApiProblemResponses(400, 401, 403, 404)
  @Roles('admin')
  @ApiOperation({ summary: "Change a programme's name, dates or targets (admin)" })
  update(
    @CurrentPrincipal() actor: Principal,
    @UuidParam() id: string,
    @Body() dto: UpdateProgrammeDto,
  ) {
    return this.programmes.update(actor, id, dto);
  }
}
