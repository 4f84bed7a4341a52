import { ApiProperty } from '@nestjs/swagger';
import { ATTACHMENT_TYPES, AttachmentType } from '../domain/attachment-type';

/** A feedback item's file (AttachmentView): its metadata, never the bytes. */
export class AttachmentViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) feedbackId: string;
  @ApiProperty({ example: 'khao-sat.pdf', description: 'the name with its recognised extension' })
  filename: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'khao-sat.png',
    description: 'the name it was uploaded under, when that differs (e.g. a PDF sent as `.png`)',
  })
  declaredFilename: string | null;
  @ApiProperty({ enum: ATTACHMENT_TYPES, description: 'recognised by content, not by name' })
  fileType: AttachmentType;
  @ApiProperty({ example: 'application/pdf' }) mediaType: string;
  @ApiProperty({ type: 'integer', example: 48213 }) sizeBytes: number;
  @ApiProperty({ description: 'SHA-256 of the bytes, hex', example: 'e3b0c44298fc1c14…' })
  sha256: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({
    example: '/feedback/5f0c…/attachments/9a1d…',
    description: 'where to download it',
  })
  url: string;
}
