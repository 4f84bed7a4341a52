import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PageQuery } from '../../common/pagination';

export class SendReminderDto {
  @ApiProperty({
    minLength: 1,
    maxLength: 4000,
    example:
      'Đề nghị Bộ khẩn trương trình ban hành văn bản sửa đổi; báo cáo tiến độ trước ngày 15/12.',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  note: string;
}

export class ReminderListQuery extends PageQuery {
  @ApiPropertyOptional({
    description: 'the Government Office: one agency (default all); a ministry: its own',
  })
  @IsOptional()
  @IsUUID('all', { message: 'agencyId must be a UUID' })
  agencyId?: string;
}

export class ReminderRegulationDto {
  @ApiProperty() title: string;
  @ApiProperty() provision: string;
  @ApiProperty({ example: 'implementing' }) stateName: string;
}

export class SenderDto {
  @ApiProperty({ nullable: true, type: String }) id: string | null;
  @ApiProperty({ nullable: true, type: String }) fullName: string | null;
}

export class ReminderDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) regulationId: string;
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty() note: string;
  @ApiProperty({ description: 'the implementation was past its deadline when reminded' })
  overdue: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  implementationDeadline: string | null;
  @ApiProperty({ type: SenderDto }) sentBy: SenderDto;
  @ApiProperty({ format: 'date-time' }) sentAt: string;
  @ApiProperty({ type: ReminderRegulationDto }) regulation: ReminderRegulationDto;
}

export class ReminderListDto {
  @ApiProperty({ type: [ReminderDto] }) items: ReminderDto[];
}

export class ReminderPageDto extends ReminderListDto {
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
