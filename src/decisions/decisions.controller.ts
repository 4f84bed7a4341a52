import { Body, Controller, Get, Headers, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ValidationProblem } from '../common/problem';
import { Public } from '../common/public.decorator';
import { UuidParam } from '../common/uuid-param';
import { CurrentPrincipal, Roles } from '../identity/auth/decorators';
import { Principal } from '../identity/domain/principal';
import { parseIdempotencyKey } from '../workflow/http/headers';
import { DecisionDto, DecisionListQuery, RecordDecisionDto } from './decision.dto';
import { DecisionsService } from './decisions.service';
import { ApiProblemResponses, PageOf } from '../common/openapi';

/**
 * Decisions are public records once recorded: a Prime Minister's decision is published in the
 * official gazette, and every regulation it covers has left draft (its register fields are
 * public) and been consulted (its plan and savings are public). So the reads need no login.
 */
@ApiTags('decisions')
@ApiBearerAuth()
@Controller('decisions')
export class DecisionsController {
  constructor(private readonly decisions: DecisionsService) {}

  @Post()
  @ApiProblemResponses(400, 401, 403, 409)
  @Roles('gov_office')
  @ApiOperation({
    summary: "Record one Prime Minister's decision over many regulations of one agency",
    description:
      'Applies RECORD_DECISION to every regulation through the workflow, in one transaction: all or nothing. 409 naming the regulations not in awaiting_decision (or when the decision is already recorded), 422 for unknown regulations or several agencies, 400 for a bad number, date or deadline.',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'a replay by the same caller returns the first answer and records nothing',
  })
  @ApiCreatedResponse({ type: DecisionDto })
  async record(
    @CurrentPrincipal() p: Principal,
    @Body() dto: RecordDecisionDto,
    @Headers('idempotency-key') keyHeader: string | undefined,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const key = parseIdempotencyKey(keyHeader);
    if (!key.ok) throw new ValidationProblem([key.error]);
    const outcome = await this.decisions.record(p, dto, key.value);
    res.status(outcome.status);
    res.header('Location', `/decisions/${outcome.body.id}`);
    if (outcome.replayed) res.header('Idempotent-Replayed', 'true');
    return outcome.body;
  }

  @Get()
  @ApiOkResponse({ type: PageOf(DecisionDto) })
  @ApiProblemResponses(400)
  @Public()
  @ApiOperation({
    summary: 'Recorded decisions, newest first, with the regulations they cover',
  })
  list(@Query() q: DecisionListQuery) {
    return this.decisions.list(q);
  }

  @Get(':id')
  @ApiProblemResponses(400, 404)
  @Public()
  @ApiOkResponse({ type: DecisionDto })
  @ApiOperation({ summary: 'One decision with its regulations' })
  get(@UuidParam() id: string) {
    return this.decisions.get(id);
  }
}
