import { Module } from '@nestjs/common';
import { ChangeFeedReader } from './changes/change-feed.reader';
import { ChangesController } from './changes/changes.controller';
import { ChangesService } from './changes/changes.service';
import { DeliveryService } from './delivery/delivery.service';
import { HttpSender } from './delivery/http-sender';
import { IntegrationWorker } from './delivery/integration-worker';
import { RelayService } from './delivery/relay.service';
import { secretBoxProvider } from './delivery/secret-box.provider';
import { DeliveryRepository } from './persistence/delivery.repository';
import { FeedRepository } from './persistence/feed.repository';
import { HousekeepingRepository } from './persistence/housekeeping.repository';
import { WebhookRepository } from './persistence/webhook.repository';
import { WebhooksController } from './webhooks/webhooks.controller';
import { WebhooksService } from './webhooks/webhooks.service';

/**
 * Integration with LGSP/NGSP (issue 13): signed webhooks with retries and the change feed. It
 * depends on the feature modules only through their outbox tables (and the triggers of its own
 * migration); none of them imports it.
 */
@Module({
  controllers: [WebhooksController, ChangesController],
  providers: [
    secretBoxProvider,
    FeedRepository,
    WebhookRepository,
    DeliveryRepository,
    HousekeepingRepository,
    HttpSender,
    RelayService,
    DeliveryService,
    IntegrationWorker,
    WebhooksService,
    ChangesService,
    ChangeFeedReader,
  ],
  exports: [RelayService, DeliveryService, IntegrationWorker, ChangeFeedReader],
})
export class IntegrationModule {}
