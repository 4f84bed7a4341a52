import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest as Request } from 'fastify';
import { Public } from '../../common/public.decorator';
import { LoginDto } from '../users/user.dto';
import { AuthenticationService } from './authentication.service';
import { LoginThrottlerGuard } from './login-throttling';
import { LoginResponseDto } from './login.response';
import { ApiProblemResponses } from '../../common/openapi';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthenticationService) {}

  /** Exchanges email and password for a bearer token. */
  @Post('login')
  @ApiProblemResponses(400, 401, 429)
  @Public()
  @HttpCode(200)
  @UseGuards(LoginThrottlerGuard)
  @ApiOkResponse({ type: LoginResponseDto })
  login(@Body() dto: LoginDto, @Req() req: Request) {
    return this.auth.login(dto.email, dto.password, req.ip ?? '-');
  }
}
