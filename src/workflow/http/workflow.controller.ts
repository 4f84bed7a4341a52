import { Body, Controller, Get, Headers, HttpCode, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PageQuery } from '../../common/pagination';
import { ValidationProblem } from '../../common/problem';
import { Public } from '../../common/public.decorator';
import { UuidParam } from '../../common/uuid-param';
import { CurrentPrincipal, Roles } from '../../identity/auth/decorators';
import { Principal } from '../../identity/domain/principal';
import { WorkflowHistoryService } from '../history/workflow-history.service';
import { EVENT_SENDER_ROLES, WorkflowService } from '../workflow.service';
import { WorkflowDefinitionService } from '../workflow-definition.service';
import { etagOf, parseIdempotencyKey, parseIfMatch } from './headers';
import {
  EVENT_BODY_MODELS,
  EVENT_BODY_SCHEMA,
  EventResponseDto,
  HistoryPageDto,
  HistoryVerificationDto,
  WorkflowQuery,
} from './workflow.dto';
import { ApiProblemResponses } from '../../common/openapi';
import { WorkflowDefinitionViewDto } from './workflow-definition-view.dto';

@ApiTags('workflow')
@ApiBearerAuth()
@Controller('regulations')
export class WorkflowController {
  constructor(
    private readonly workflow: WorkflowService,
    private readonly history: WorkflowHistoryService,
    private readonly definitions: WorkflowDefinitionService,
  ) {}

  @Post(':id/events')
  @ApiProblemResponses(400, 401, 403, 404, 409)
  @HttpCode(200)
  @Roles(...EVENT_SENDER_ROLES)
  @ApiOperation({
    summary: 'Send a workflow event',
    description:
      '403 when the role or agency may not send it, 409 when the state does not accept it (with the accepted events) or If-Match is stale, 422 when a guard fails (naming it), 400 for an invalid payload.',
  })
  @ApiExtraModels(...EVENT_BODY_MODELS)
  @ApiBody({ schema: EVENT_BODY_SCHEMA })
  @ApiHeader({ name: 'If-Match', required: false, description: 'the version last read' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'a replay by the same caller returns the first answer and changes nothing',
  })
  @ApiOkResponse({ type: EventResponseDto })
  async send(
    @CurrentPrincipal() principal: Principal,
    @UuidParam() id: string,
    // Not a DTO: `{type, ...payload}` differs per event and is validated by the workflow domain.
    @Body() body: Record<string, unknown>,
    @Headers('if-match') ifMatchHeader: string | undefined,
    @Headers('idempotency-key') keyHeader: string | undefined,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const ifMatch = parseIfMatch(ifMatchHeader);
    const key = parseIdempotencyKey(keyHeader);
    const errors = [!ifMatch.ok && ifMatch.error, !key.ok && key.error].filter((e) => !!e);
    if (errors.length) throw new ValidationProblem(errors);
    const outcome = await this.workflow.send(principal, id, body, {
      ifMatch: ifMatch.ok ? ifMatch.value : undefined,
      idempotencyKey: key.ok ? key.value : undefined,
    });
    res.status(outcome.status);
    res.header('ETag', etagOf(outcome.body.version));
    if (outcome.replayed) res.header('Idempotent-Replayed', 'true');
    return outcome.body;
  }

  @Get(':id/history')
  @ApiProblemResponses(400, 401, 403, 404)
  @Roles('ministry_officer', 'ministry_lead', 'gov_office', 'admin')
  @ApiOperation({
    summary: 'The workflow history, oldest first',
    description:
      'For the owning agency and the Government Office; timer entries have actorRole "system".',
  })
  @ApiOkResponse({ type: HistoryPageDto })
  listHistory(
    @CurrentPrincipal() principal: Principal,
    @UuidParam() id: string,
    @Query() q: PageQuery,
  ) {
    return this.history.list(principal, id, q);
  }

  @Get(':id/history/verify')
  @ApiProblemResponses(400, 401, 403, 404)
  @Roles('gov_office', 'admin')
  @ApiOperation({
    summary: 'Recompute the hash chain of the history; brokenAt is the first bad seq',
  })
  @ApiOkResponse({ type: HistoryVerificationDto })
  verifyHistory(@CurrentPrincipal() principal: Principal, @UuidParam() id: string) {
    return this.history.verify(principal, id);
  }

  @Get(':id/workflow')
  @ApiOkResponse({ type: WorkflowDefinitionViewDto })
  @ApiProblemResponses(400, 404)
  @Public()
  @ApiOperation({
    summary: "The regulation's statechart as JSON and as a Mermaid diagram",
    description: '`?format=mermaid` returns the diagram alone as text/plain.',
  })
  async definition(
    @CurrentPrincipal() principal: Principal | undefined,
    @UuidParam() id: string,
    @Query() q: WorkflowQuery,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const view = await this.definitions.forRegulation(principal, id);
    if (q.format === 'mermaid') {
      res.type('text/plain; charset=utf-8');
      return view.mermaid;
    }
    return view;
  }
}
