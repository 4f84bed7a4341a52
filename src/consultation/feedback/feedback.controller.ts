import { Body, Controller, Get, Headers, HttpCode, Ip, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Page } from '../../common/pagination';
import { ValidationProblem } from '../../common/problem';
import { Public } from '../../common/public.decorator';
import { UuidParam } from '../../common/uuid-param';
import { CurrentPrincipal, Roles } from '../../identity/auth/decorators';
import { Principal } from '../../identity/domain/principal';
import { parseIdempotencyKey } from '../../workflow/http/headers';
import { WriteOutcome } from '../../idempotency/idempotent-write';
import { ResponsesService } from '../responses/responses.service';
import {
  CreateFeedbackDto,
  HideFeedbackDto,
  MyFeedbackQuery,
  RegulationFeedbackQuery,
  RespondDto,
} from './feedback.dto';
import { FeedbackViewDto } from './feedback-view.dto';
import { FeedbackService } from './feedback.service';
import { ApiProblemResponses, PageOf } from '../../common/openapi';

export const IDEMPOTENCY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description: 'a replay by the same caller returns the first answer and changes nothing',
};

export function idempotencyKey(header: string | undefined): string | undefined {
  const key = parseIdempotencyKey(header);
  if (!key.ok) throw new ValidationProblem([key.error]);
  return key.value;
}

export function answer<T>(res: FastifyReply, outcome: WriteOutcome<T>): T {
  res.status(outcome.status);
  if (outcome.replayed) res.header('Idempotent-Replayed', 'true');
  return outcome.body;
}

/** Ý kiến tham vấn: feedback on consultation rounds, and the owning agency's answers. */
@ApiTags('consultations')
@ApiBearerAuth()
@Controller()
export class FeedbackController {
  constructor(
    private readonly feedback: FeedbackService,
    private readonly responses: ResponsesService,
  ) {}

  @Post('consultations/:id/feedback')
  @ApiCreatedResponse({ type: FeedbackViewDto, description: 'the item (Location: /feedback/:id)' })
  @ApiProblemResponses(400, 401, 403, 404, 409, 429)
  @Roles('association', 'expert', 'public')
  @ApiOperation({
    summary: 'Give feedback on an open round',
    description:
      'Associations and verified public commenters (góp ý công khai, origin public) in association rounds, invited experts in expert rounds (403 otherwise); 409 once the round is closed; 400 naming each invalid field (content, target, evidence); 429 with Retry-After over the public comments per account or address per day.',
  })
  @ApiHeader(IDEMPOTENCY_HEADER)
  async give(
    @CurrentPrincipal() p: Principal,
    @UuidParam() id: string,
    @Body() dto: CreateFeedbackDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: FastifyReply,
    @Ip() ip: string | undefined,
  ): Promise<FeedbackViewDto> {
    const outcome = await this.feedback.give(p, id, dto, idempotencyKey(key), ip ?? '-');
    res.header('Location', `/feedback/${outcome.body.id}`);
    return answer(res, outcome);
  }

  @Get('feedback')
  @ApiOkResponse({ type: PageOf(FeedbackViewDto) })
  @ApiProblemResponses(400, 401, 403)
  @Roles('association', 'expert', 'public')
  @ApiOperation({ summary: "The caller's own items with their answers (newest first)" })
  mine(
    @CurrentPrincipal() p: Principal,
    @Query() q: MyFeedbackQuery,
  ): Promise<Page<FeedbackViewDto>> {
    return this.feedback.mine(p, q);
  }

  @Get('feedback/:id')
  @ApiOkResponse({ type: FeedbackViewDto })
  @ApiProblemResponses(400, 404)
  @Public()
  @ApiOperation({
    summary: 'One item with its attachments and answer',
    description:
      'Seen by its author, the owning agency, the Government Office and admins; by everyone once the cycle was submitted.',
  })
  get(
    @CurrentPrincipal() p: Principal | undefined,
    @UuidParam() id: string,
  ): Promise<FeedbackViewDto> {
    return this.feedback.get(p, id);
  }

  @Post('feedback/:id/response')
  // 200, not 201: the answer is saved through IdempotentWrite with status 200.
  @ApiOkResponse({ type: FeedbackViewDto, description: 'the item with its answer' })
  @ApiProblemResponses(400, 401, 403, 404, 409)
  @Roles('ministry_officer', 'ministry_lead')
  @ApiOperation({
    summary: 'Answer an item (tiếp thu, giải trình), or correct the answer',
    description:
      'The owning agency, while the regulation is in responding. Accepting an item that disputes a cost field requires reEstimate.value, which becomes a new version of that estimate; partially accepting may carry one. Corrections are kept as versions until the cycle is submitted (409 afterwards).',
  })
  @ApiHeader(IDEMPOTENCY_HEADER)
  async respond(
    @CurrentPrincipal() p: Principal,
    @UuidParam() id: string,
    @Body() dto: RespondDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<FeedbackViewDto> {
    return answer(res, await this.responses.respond(p, id, dto, idempotencyKey(key)));
  }

  @Post('feedback/:id/hide')
  @Roles('gov_office', 'ministry_officer', 'ministry_lead')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Hide a public comment with a recorded reason (moderation)',
    description:
      'The Government Office, or the owning agency. Only comments of origin public (403 otherwise); 409 when already hidden. The comment leaves every public view, stays visible with its reason to its author, the owning agency and the Government Office, and no longer needs an answer before SUBMIT_TO_GOVERNMENT_OFFICE. Recorded in the audit log.',
  })
  @ApiOkResponse({
    description: 'the item as the moderator now sees it (hidden, with the reason)',
    type: FeedbackViewDto,
  })
  @ApiProblemResponses(400, 401, 403, 404, 409)
  hide(
    @CurrentPrincipal() p: Principal,
    @UuidParam() id: string,
    @Body() dto: HideFeedbackDto,
  ): Promise<FeedbackViewDto> {
    return this.feedback.hide(p, id, dto);
  }

  @Get('regulations/:id/feedback')
  @ApiOkResponse({ type: PageOf(FeedbackViewDto) })
  @ApiProblemResponses(400, 404)
  @Public()
  @ApiOperation({
    summary: "A regulation's feedback items and answers (oldest first)",
    description:
      'The owning agency, the Government Office and admins see every item (hidden public comments with their moderation); others the published ones (after SUBMIT_TO_GOVERNMENT_OFFICE) that are not hidden, and their own. `?unanswered=true` lists the items blocking the submission (hidden comments do not); `?origin=public` the public comments.',
  })
  forRegulation(
    @CurrentPrincipal() p: Principal | undefined,
    @UuidParam() id: string,
    @Query() q: RegulationFeedbackQuery,
  ): Promise<Page<FeedbackViewDto>> {
    return this.feedback.forRegulation(p, id, q);
  }
}
