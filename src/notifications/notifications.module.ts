import { Global, Module } from '@nestjs/common';
import { ConsultationModule } from '../consultation/consultation.module';
import { IntegrationModule } from '../integration/integration.module';
import { RegisterModule } from '../register/register.module';
import { WorkflowModule } from '../workflow/workflow.module';
import { NotificationsController } from './http/notifications.controller';
import { Notifier } from './notifier';
import { NotificationsService } from './notifications.service';
import { NotificationRepository } from './persistence/notification.repository';
import { TasksService } from './tasks/tasks.service';
import { NotificationTriggers } from './triggers/feed-triggers';
import { NotificationsWorker } from './triggers/notifications-worker';

/**
 * Notifications (issue 17): the in-app inbox, "my tasks", per-kind preferences, and the triggers
 * that write them (with their e-mail through the MailOutbox) from the change feed, a time-based
 * sweep and the Government Office's reminders. Global so the decisions module can notify a
 * reminder in its own transaction.
 */
@Global()
@Module({
  imports: [RegisterModule, WorkflowModule, ConsultationModule, IntegrationModule],
  controllers: [NotificationsController],
  providers: [
    NotificationRepository,
    Notifier,
    NotificationTriggers,
    NotificationsWorker,
    NotificationsService,
    TasksService,
  ],
  exports: [NotificationTriggers, NotificationsWorker],
})
export class NotificationsModule {}
