import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import nodemailer, { Transporter } from 'nodemailer';
import { APP_CONFIG, AppConfig } from '../config/app-config';

export interface MailMessage {
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/**
 * The SMTP relay named by SMTP_URL (`smtp://user:pass@host:587`, `smtps://…:465`), through
 * nodemailer; `configured` is false when SMTP_URL is unset (mails are then skipped).
 */
@Injectable()
export class MailTransport implements OnModuleDestroy {
  private readonly transporter?: Transporter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    if (config.smtpUrl) {
      this.transporter = nodemailer.createTransport({
        url: config.smtpUrl,
        // Bounded, so a stuck relay never outlives the worker's lease on the row.
        connectionTimeout: 20_000,
        greetingTimeout: 20_000,
        socketTimeout: 60_000,
      });
    }
  }

  get configured(): boolean {
    return this.transporter !== undefined;
  }

  /** Resolves once the relay accepted the message; rejects otherwise. */
  async send(message: MailMessage): Promise<void> {
    if (!this.transporter) throw new Error('SMTP_URL is not set');
    await this.transporter.sendMail({
      from: this.config.mailFrom,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      messageId: message.messageId,
    });
  }

  onModuleDestroy() {
    this.transporter?.close();
  }
}
