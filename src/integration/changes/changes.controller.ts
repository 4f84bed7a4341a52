import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { AnyRole, CurrentPrincipal } from '../../identity/auth/decorators';
import { Principal } from '../../identity/domain/principal';
import { ChangePageDto, ChangesQuery } from '../dto/change.dto';
import { ChangesService } from './changes.service';
import { ApiProblemResponses } from '../../common/openapi';

@ApiTags('integration')
@ApiBearerAuth()
@ApiSecurity('api-key')
@AnyRole()
@Controller('changes')
export class ChangesController {
  constructor(private readonly changes: ChangesService) {}

  @Get()
  @ApiProblemResponses(400, 401, 403)
  @ApiOperation({
    summary: 'The change feed, in commit order',
    description:
      'Store nextCursor and pass it as `after`: nothing is missed or repeated, across restarts and concurrent writers.',
  })
  @ApiOkResponse({ type: ChangePageDto })
  page(@CurrentPrincipal() p: Principal, @Query() q: ChangesQuery) {
    return this.changes.page(p, q);
  }
}
