import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AnyRole, CurrentPrincipal, UsersOnly } from '../auth/decorators';
import { ProblemException } from '../../common/problem';
import { Principal } from '../domain/principal';
import { PrincipalRepository } from '../persistence/principal.repository';
import { ChangePasswordDto } from '../users/user.dto';
import { UsersService } from '../users/users.service';
import { AccountRepository } from '../persistence/account.repository';
import { msg } from '../../common/i18n/catalogue';

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
  @UsersOnly()
  @HttpCode(204)
  async changePassword(@CurrentPrincipal() p: Principal, @Body() dto: ChangePasswordDto) {
    await this.users.changeOwnPassword(p, dto);
  }
}
