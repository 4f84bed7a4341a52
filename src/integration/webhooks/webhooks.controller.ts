import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { UuidParam } from '../../common/uuid-param';
import { CurrentPrincipal, Roles, UsersOnly } from '../../identity/auth/decorators';
import { Principal } from '../../identity/domain/principal';
import {
  CreatedWebhookDto,
  CreateWebhookDto,
  DeliveryListQuery,
  DeliveryPageDto,
  QueuedDeliveryDto,
  RotatedSecretDto,
  UpdateWebhookDto,
  WebhookDto,
  WebhookListQuery,
  WebhookPageDto,
} from '../dto/webhook.dto';
import { WebhooksService } from './webhooks.service';
import { ApiProblemResponses } from '../../common/openapi';

@ApiTags('integration')
@ApiBearerAuth()
@Roles('admin', 'gov_office', 'ministry_lead')
@UsersOnly()
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @ApiProblemResponses(400, 401, 403)
  @ApiOperation({
    summary: 'Register a webhook (Standard Webhooks signed deliveries)',
    description:
      'The secret is returned only in this answer. A ministry lead must set agencyId to their own agency.',
  })
  @ApiCreatedResponse({ type: CreatedWebhookDto })
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateWebhookDto) {
    return this.webhooks.create(p, dto);
  }

  @Get()
  @ApiProblemResponses(400, 401, 403)
  @ApiOkResponse({ type: WebhookPageDto })
  @ApiOperation({ summary: 'Webhooks the caller may manage' })
  list(@CurrentPrincipal() p: Principal, @Query() q: WebhookListQuery) {
    return this.webhooks.list(p, q.limit ?? 50, q.cursor);
  }

  @Get(':id')
  @ApiProblemResponses(400, 401, 403, 404)
  @ApiOkResponse({ type: WebhookDto })
  @ApiOperation({ summary: 'One webhook' })
  get(@CurrentPrincipal() p: Principal, @UuidParam() id: string) {
    return this.webhooks.get(p, id);
  }

  @Patch(':id')
  @ApiProblemResponses(400, 401, 403, 404)
  @ApiOkResponse({ type: WebhookDto })
  @ApiOperation({ summary: "Change a webhook's url, events, agency or active flag" })
  update(@CurrentPrincipal() p: Principal, @UuidParam() id: string, @Body() dto: UpdateWebhookDto) {
    return this.webhooks.update(p, id, dto);
  }

  @Delete(':id')
  @ApiProblemResponses(400, 401, 403, 404)
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiOperation({ summary: 'Delete a webhook' })
  async remove(@CurrentPrincipal() p: Principal, @UuidParam() id: string) {
    await this.webhooks.remove(p, id);
  }

  @Post(':id/rotate-secret')
  @ApiProblemResponses(400, 401, 403, 404)
  @HttpCode(200)
  @ApiOperation({ summary: 'New secret; the old one keeps signing beside it for a while' })
  @ApiOkResponse({ type: RotatedSecretDto })
  rotate(@CurrentPrincipal() p: Principal, @UuidParam() id: string) {
    return this.webhooks.rotateSecret(p, id);
  }

  @Get(':id/deliveries')
  @ApiProblemResponses(400, 401, 403, 404)
  @ApiOperation({ summary: 'Deliveries, newest first, each with its attempts' })
  @ApiOkResponse({ type: DeliveryPageDto })
  deliveries(
    @CurrentPrincipal() p: Principal,
    @UuidParam() id: string,
    @Query() q: DeliveryListQuery,
  ) {
    return this.webhooks.deliveries(p, id, q.limit ?? 50, q.cursor);
  }

  @Post(':id/deliveries/:deliveryId/retry')
  @ApiProblemResponses(400, 401, 403, 404, 409)
  @HttpCode(202)
  @ApiAcceptedResponse({ type: QueuedDeliveryDto })
  @ApiOperation({ summary: 'Queue a failed delivery again' })
  retry(
    @CurrentPrincipal() p: Principal,
    @UuidParam() id: string,
    @UuidParam('deliveryId') deliveryId: string,
  ) {
    return this.webhooks.retry(p, id, deliveryId);
  }

  @Post(':id/ping')
  @ApiProblemResponses(400, 401, 403, 404)
  @HttpCode(202)
  @ApiOperation({ summary: 'Queue a signed webhook.ping delivery' })
  @ApiAcceptedResponse({ type: QueuedDeliveryDto })
  ping(@CurrentPrincipal() p: Principal, @UuidParam() id: string) {
    return this.webhooks.ping(p, id);
  }
}
