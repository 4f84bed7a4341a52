import type { StateValue } from 'xstate';
import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AccessPolicy } from '../../access/access-policy';
import { requireAccess } from '../../access/require-access';
import { Clock } from '../../common/clock';
import { ProblemException, ValidationProblem } from '../../common/problem';
import { TransactionRunner } from '../../database/transaction-runner';
import { Principal } from '../../identity/domain/principal';
import {
  accessFacts,
  RegulationRepository,
} from '../../register/persistence/regulation.repository';
import { ConsultationRoundsService } from '../rounds/consultation-rounds.service';
import {
  attachmentFilename,
  ATTACHMENT_TYPES,
  detectAttachmentType,
  MEDIA_TYPES,
} from '../domain/attachment-type';
import { roundClosedReason } from '../domain/feedback-rules';
import { MAX_ATTACHMENTS_PER_ITEM } from '../consultation.config';
import { AttachmentView, FeedbackRepository } from '../persistence/feedback.repository';
import { cycleOf, lockRegulationShared } from '../persistence/regulation-lock';
import { msg } from '../../common/i18n/catalogue';

export interface UploadedFile {
  buffer: Buffer;
  originalname?: string;
  size: number;
}

export interface AttachmentContent {
  filename: string;
  mediaType: string;
  sha256: string;
  content: Buffer;
}

/**
 * Tệp đính kèm: PDF/DOCX/XLSX/PNG/JPEG recognised by their bytes, kept in the database (bytea)
 * with a SHA-256 checksum so any API process can serve them and a download can be verified.
 */
@Injectable()
export class AttachmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly rounds: ConsultationRoundsService,
    private readonly regulations: RegulationRepository,
    private readonly repository: FeedbackRepository,
  ) {}

  /**
   * POST /feedback/:id/attachments. Order: 400 (no file), 404 (item not visible), 403 (not its
   * author), 409 (round closed, or too many files), 415 (not an accepted type by content).
   * Over the size limit is a 413 before any of this (the upload is cut off while it streams).
   */
  async upload(
    p: Principal,
    feedbackId: string,
    file: UploadedFile | undefined,
  ): Promise<AttachmentView> {
    if (!file) {
      throw new ValidationProblem([
        { field: 'file', message: 'attach the file as the multipart field "file"' },
      ]);
    }
    return this.transactions.run(async (tx) => {
      const m = tx.manager;
      const item = await this.repository.findRow(m, feedbackId);
      const regulation = item && (await lockRegulationShared(m, item.regulation_id));
      if (!item || !regulation)
        throw new ProblemException(404, 'not-found', msg('feedback.noSuch'));
      requireAccess(
        AccessPolicy.readFeedback(p, accessFacts(regulation), {
          authorId: item.author_id,
          published: item.published_at !== null,
        }),
        'feedback',
      );
      if (p.kind !== 'user' || p.userId !== item.author_id) {
        throw new ProblemException(403, 'forbidden', msg('attachment.onlyAuthor'));
      }
      const round = (await this.rounds.find(item.round_id, m))!;
      const closed = roundClosedReason(
        round,
        { state: regulation.state as StateValue, cycle: cycleOf(regulation) },
        this.clock.now(),
      );
      if (closed) {
        throw new ProblemException(409, 'round-closed', msg('attachment.closed', { closed }), {
          consultationId: round.id,
        });
      }
      await this.repository.lockForAttachments(m, item.id);
      const n = await this.repository.countAttachments(m, item.id);
      if (n >= MAX_ATTACHMENTS_PER_ITEM) {
        throw new ProblemException(
          409,
          'too-many-attachments',
          msg('attachment.max', { max: MAX_ATTACHMENTS_PER_ITEM }),
        );
      }
      const detected = detectAttachmentType(file.buffer);
      if (!detected.ok) {
        const message = `the file is ${detected.what}; attach ${ATTACHMENT_TYPES.map((t) => t.toUpperCase()).join(', ')} (recognised by content, not by name)`;
        throw new ProblemException(415, 'unsupported-attachment', message, {
          errors: [{ field: 'file', message }],
        });
      }
      const id = randomUUID();
      const declared = file.originalname ? file.originalname.normalize('NFC').slice(0, 255) : null;
      const filename = attachmentFilename(file.originalname, detected.type);
      return this.repository.insertAttachment(m, {
        id,
        feedbackId: item.id,
        filename,
        declaredFilename: declared && declared !== filename ? declared : null,
        fileType: detected.type,
        mediaType: MEDIA_TYPES[detected.type],
        content: file.buffer,
        sha256: createHash('sha256').update(file.buffer).digest('hex'),
        uploadedBy: p.userId,
        createdAt: this.clock.now(),
      });
    });
  }

  /** GET /feedback/:id/attachments/:attachmentId: for whoever may read the item. */
  async download(
    p: Principal | undefined,
    feedbackId: string,
    attachmentId: string,
  ): Promise<AttachmentContent> {
    const item = await this.repository.findRow(this.dataSource.manager, feedbackId);
    const regulation = item && (await this.regulations.find(item.regulation_id));
    if (!item || !regulation) throw new ProblemException(404, 'not-found', msg('feedback.noSuch'));
    requireAccess(
      AccessPolicy.readFeedback(p, accessFacts(regulation), {
        authorId: item.author_id,
        published: item.published_at !== null,
      }),
      'feedback',
    );
    const content = await this.repository.attachmentContent(
      this.dataSource.manager,
      feedbackId,
      attachmentId,
    );
    if (!content) throw new ProblemException(404, 'not-found', msg('attachment.noSuch'));
    return content;
  }
}
