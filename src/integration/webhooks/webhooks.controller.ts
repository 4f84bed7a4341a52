import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { UuidParam } from '../../common/uuid-param';
import { CurrentPrincipal, Roles, UsersOnly } from '../../identity/auth/decorators';
import { Principal } from '../../identity/domain/principal';
import {
  CreatedWebhookDto,
  CreateWebhookDto,
  DeliveryListQuery,
  DeliveryPageDto,
  ProblemDto,
  QueuedDeliveryDto,
  RotatedSecretDto,
  UpdateWebhookDto,
  WebhookDto,
  WebhookListQuery,
  WebhookPageDto,
} from '../dto/webhook.dto';
import { WebhooksService } from './webhooks.service';

@ApiTags('integration')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ProblemDto, description: 'no or invalid credentials' })
@ApiForbiddenResponse({ type: ProblemDto, description: 'not admin, gov_office or a ministry lead' })
@Roles('admin', 'gov_office', 'ministry_lead')
@UsersOnly()
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @ApiOperation({
    summary: 'Register a webhook (Standard Webhooks signed deliveries)',
    description:
      'The secret is returned only in this answer. A ministry lead must set agencyId to their own agency.',
  })
  @ApiCreatedResponse({ type: CreatedWebhookDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'bad url, events or agencyId' })
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateWebhookDto) {
    return this.webhooks.create(p, dto);
  }

  @Get()
  @ApiOkResponse({ type: WebhookPageDto })
  @ApiBadRequestResponse({ type: ProblemDto })
  list(@CurrentPrincipal() p: Principal, @Query() q: WebhookListQuery) {
    return this.webhooks.list(p, q.limit ?? 50, q.cursor);
  }

  @Get(':id')
  @ApiOkResponse({ type: WebhookDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  get(@CurrentPrincipal() p: Principal, @UuidParam() id: string) {
    return this.webhooks.get(p, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: WebhookDto })
  @ApiBadRequestResponse({ type: ProblemDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  update(@CurrentPrincipal() p: Principal, @UuidParam() id: string, @Body() dto: UpdateWebhookDto) {
    return this.webhooks.update(p, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ProblemDto })
  async remove(@CurrentPrincipal() p: Principal, @UuidParam() id: string) {
    await this.webhooks.remove(p, id);
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @ApiOperation({ summary: 'New secret; the old one keeps signing beside it for a while' })
  @ApiOkResponse({ type: RotatedSecretDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  rotate(@CurrentPrincipal() p: Principal, @UuidParam() id: string) {
    return this.webhooks.rotateSecret(p, id);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'Deliveries, newest first, each with its attempts' })
  @ApiOkResponse({ type: DeliveryPageDto })
  @ApiBadRequestResponse({ type: ProblemDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  deliveries(
    @CurrentPrincipal() p: Principal,
    @UuidParam() id: string,
    @Query() q: DeliveryListQuery,
  ) {
    return this.webhooks.deliveries(p, id, q.limit ?? 50, q.cursor);
  }

  @Post(':id/deliveries/:deliveryId/retry')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: QueuedDeliveryDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  @ApiConflictResponse({ type: ProblemDto, description: 'already delivered' })
  retry(
    @CurrentPrincipal() p: Principal,
    @UuidParam() id: string,
    @UuidParam('deliveryId') deliveryId: string,
  ) {
    return this.webhooks.retry(p, id, deliveryId);
  }

  @Post(':id/ping')
  @HttpCode(202)
  @ApiOperation({ summary: 'Queue a signed webhook.ping delivery' })
  @ApiAcceptedResponse({ type: QueuedDeliveryDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  ping(@CurrentPrincipal() p: Principal, @UuidParam() id: string) {
    return this.webhooks.ping(p, id);
  }
}
