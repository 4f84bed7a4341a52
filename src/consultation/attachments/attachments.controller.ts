import { Controller, Get, Post, Res, StreamableFile, UseInterceptors } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  MultipartFileInterceptor,
  UploadedMultipartFile,
} from '../../common/multipart-file.interceptor';
import { Public } from '../../common/public.decorator';
import { UuidParam } from '../../common/uuid-param';
import { CurrentPrincipal, Roles } from '../../identity/auth/decorators';
import { Principal } from '../../identity/domain/principal';
import { contentDisposition, MEDIA_TYPES } from '../domain/attachment-type';
import { MAX_ATTACHMENT_BYTES } from '../consultation.config';
import { AttachmentViewDto } from './attachment-view.dto';
import { AttachmentsService, UploadedFile as Upload } from './attachments.service';
import { UploadLimitsInterceptor } from './upload-limits.interceptor';
import { ApiProblemResponses } from '../../common/openapi';

/** An attachment's bytes, documented as binary content (not a DTO). */
const BINARY = { schema: { type: 'string', format: 'binary' } };

@ApiTags('consultations')
@ApiBearerAuth()
@Controller('feedback')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post(':id/attachments')
  @ApiCreatedResponse({ type: AttachmentViewDto })
  @ApiProblemResponses(400, 401, 403, 404, 409, 413, 415)
  @Roles('association', 'expert', 'public')
  @ApiOperation({
    summary: 'Attach a file to your feedback item while its round is open',
    description: `PDF, DOCX, XLSX, PNG or JPEG, recognised by content (a PNG named .pdf is stored as PNG; anything else is a 415); at most ${MAX_ATTACHMENT_BYTES} bytes (413).`,
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
  })
  // The upload stops being read at the limit; UploadLimitsInterceptor words the refusal.
  @UseInterceptors(
    UploadLimitsInterceptor,
    MultipartFileInterceptor('file', { maxBytes: MAX_ATTACHMENT_BYTES }),
  )
  upload(
    @CurrentPrincipal() p: Principal,
    @UuidParam() id: string,
    @UploadedMultipartFile() file: Upload | undefined,
  ): Promise<AttachmentViewDto> {
    return this.attachments.upload(p, id, file);
  }

  @Get(':id/attachments/:attachmentId')
  @ApiOkResponse({
    description:
      'the file as uploaded, with its recognised media type (PDF, DOCX, XLSX, PNG or JPEG)',
    content: Object.fromEntries(Object.values(MEDIA_TYPES).map((type) => [type, BINARY])),
  })
  @ApiProduces(...Object.values(MEDIA_TYPES))
  @ApiProblemResponses(400, 404)
  @Public()
  @ApiOperation({
    summary: 'Download an attachment (for those who may read the item)',
    description: 'Always as a download; ETag and Repr-Digest carry its SHA-256.',
  })
  async download(
    @CurrentPrincipal() p: Principal | undefined,
    @UuidParam() id: string,
    @UuidParam('attachmentId') attachmentId: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<StreamableFile> {
    const file = await this.attachments.download(p, id, attachmentId);
    res.header('ETag', `"${file.sha256}"`);
    res.header('Repr-Digest', `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`);
    res.header('Cache-Control', 'private, no-cache');
    return new StreamableFile(file.content, {
      type: file.mediaType,
      length: file.content.length,
      disposition: contentDisposition(file.filename),
    });
  }
}
