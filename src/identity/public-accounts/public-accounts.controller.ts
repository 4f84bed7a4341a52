import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../../common/openapi';
import { Public } from '../../common/public.decorator';
import {
  PublicSignUpDto,
  PublicSignUpResponseDto,
  PublicVerifyDto,
  PublicVerifyResponseDto,
} from './public-account.dto';
import { PublicAccountsService } from './public-accounts.service';

/** Góp ý công khai: self-service accounts for businesses and citizens who comment. */
@ApiTags('public comments')
@Controller('public/accounts')
export class PublicAccountsController {
  constructor(private readonly accounts: PublicAccountsService) {}

  @Post()
  @Public()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Sign up to comment publicly: a one-time verification link is e-mailed',
    description:
      'No account discovery: the same 202 for every address. The link (token) is single-use and expires (PUBLIC_VERIFICATION_TTL_HOURS). Limits per address and per e-mail address per hour give 429 with Retry-After.',
  })
  @ApiAcceptedResponse({ type: PublicSignUpResponseDto })
  @ApiProblemResponses(400, 429)
  signUp(@Body() dto: PublicSignUpDto, @Ip() ip: string | undefined) {
    return this.accounts.signUp(dto, ip ?? '-');
  }

  @Post('verify')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Verify the e-mail address with the token from the link, set a password, log in',
    description:
      'Activates the account (role public) and answers like POST /auth/login, which works with the password from now on. 400 (field token) for an unknown, used or expired token.',
  })
  @ApiOkResponse({ type: PublicVerifyResponseDto })
  @ApiProblemResponses(400, 429)
  verify(@Body() dto: PublicVerifyDto) {
    return this.accounts.verify(dto);
  }
}
