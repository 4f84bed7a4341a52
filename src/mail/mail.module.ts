import { Global, Module } from '@nestjs/common';
import { MailDeliveryService } from './mail-delivery.service';
import { MailOutbox } from './mail-outbox';
import { MailTransport } from './mail-transport';
import { MailWorker } from './mail-worker';
import { MailRepository } from './persistence/mail.repository';

/** Outgoing e-mail (issue 17): the MailOutbox port, written in callers' transactions, and its worker. */
@Global()
@Module({
  providers: [MailRepository, MailOutbox, MailTransport, MailDeliveryService, MailWorker],
  exports: [MailOutbox, MailDeliveryService, MailRepository],
})
export class MailModule {}
