import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/public.decorator';
import { CurrentPrincipal } from '../../identity/auth/decorators';
import { Principal } from '../../identity/domain/principal';
import { ConsultationRoundsService } from './consultation-rounds.service';
import { ConsultationListQuery, ConsultationPageDto } from './consultations.dto';
import { ApiProblemResponses } from '../../common/openapi';

@ApiTags('consultations')
@Controller('consultations')
export class ConsultationsController {
  constructor(private readonly rounds: ConsultationRoundsService) {}

  @Get()
  @ApiProblemResponses(400)
  @Public()
  @ApiOperation({
    summary: 'Consultation rounds (expert and association) of the regulations the caller may see',
    description: 'Soonest deadline first; `?status=open` for rounds taking feedback now.',
  })
  @ApiOkResponse({ type: ConsultationPageDto })
  list(@CurrentPrincipal() principal: Principal | undefined, @Query() q: ConsultationListQuery) {
    return this.rounds.list(principal, q);
  }
}
