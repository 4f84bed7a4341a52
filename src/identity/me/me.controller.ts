import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AnyRole, CurrentPrincipal, UsersOnly } from '../auth/decorators';
import { ProblemException } from '../../common/problem';
import { Principal } from '../domain/principal';
import { PrincipalRepository } from '../persistence/principal.repository';
import { ChangePasswordDto } from '../users/user.dto';
import { UsersService } from '../users/users.service';
import { AccountRepository } from '../persistence/account.repository';
import { msg } from '../../common/i18n/catalogue';
import { ApiProblemResponses } from '../../common/openapi';
import { MeViewDto } from './me-view.dto';

@ApiTags('auth')
@ApiBearerAuth()
@AnyRole({ publicUsers: true })
@Controller('me')
export class MeController {
  constructor(
    private readonly users: UsersService,
    private readonly accounts: AccountRepository,
    private readonly principals: PrincipalRepository,
  ) {}

  @Get()
  @ApiOkResponse({ type: MeViewDto })
  @ApiProblemResponses(401, 403)
  @ApiOperation({ summary: 'The caller: user, role, agency and what they may do' })
  async me(@CurrentPrincipal() p: Principal) {
    if (p.kind === 'api_key') {
      const k = await this.accounts.apiKeyProfile(p.id);
      return {
        id: p.id,
        kind: 'api_key',
        name: k?.name,
        access: k?.access,
        role: p.role,
        agencyId: p.agencyId,
      };
    }
    const profile = await this.principals.ownProfile(p.id);
    if (!profile) throw new ProblemException(404, 'not-found', msg('user.noSuch'));
    return profile;
  }

  @Post('password')
  @ApiNoContentResponse()
  @ApiProblemResponses(400, 401, 403)
  @UsersOnly()
  @HttpCode(204)
  @ApiOperation({ summary: "Change the caller's own password" })
  async changePassword(@CurrentPrincipal() p: Principal, @Body() dto: ChangePasswordDto) {
    await this.users.changeOwnPassword(p, dto);
  }
}
