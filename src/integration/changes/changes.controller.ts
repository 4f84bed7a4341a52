import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiSecurity,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { AnyRole, CurrentPrincipal } from '../../identity/auth/decorators';
import { Principal } from '../../identity/domain/principal';
import { ChangePageDto, ChangesQuery } from '../dto/change.dto';
import { ProblemDto } from '../dto/webhook.dto';
import { ChangesService } from './changes.service';

@ApiTags('integration')
@ApiBearerAuth()
@ApiSecurity('api-key')
@AnyRole()
@Controller('changes')
export class ChangesController {
  constructor(private readonly changes: ChangesService) {}

  @Get()
  @ApiOperation({
    summary: 'The change feed, in commit order',
    description:
      'Store nextCursor and pass it as `after`: nothing is missed or repeated, across restarts and concurrent writers.',
  })
  @ApiOkResponse({ type: ChangePageDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'bad after, limit or types' })
  @ApiUnauthorizedResponse({ type: ProblemDto })
  page(@CurrentPrincipal() p: Principal, @Query() q: ChangesQuery) {
    return this.changes.page(p, q);
  }
}
