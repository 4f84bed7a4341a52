import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { NOTIFICATION_KINDS } from '../domain/kinds';

const booleanQuery = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

export class NotificationListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'only the unread ones', default: false })
  @IsOptional()
  @Transform(booleanQuery)
  @IsBoolean()
  unread?: boolean;
}

export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind: string;
  @ApiProperty({ description: 'Vietnamese; also the e-mail subject' }) title: string;
  @ApiProperty() body: string;
  @ApiProperty({ description: 'path in the web app, e.g. /gop-y/dot/<roundId>' }) link: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) regulationId: string | null;
  @ApiProperty() read: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) readAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto] }) items: NotificationDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class UnreadCountDto {
  @ApiProperty({ minimum: 0 }) unread: number;
}

export class ReadAllDto {
  @ApiProperty({ minimum: 0, description: 'how many were marked read' }) marked: number;
}

export class PreferenceDto {
  @ApiProperty({ enum: NOTIFICATION_KINDS })
  @IsIn(NOTIFICATION_KINDS as unknown as string[])
  kind: string;

  @ApiProperty({ description: 'send an e-mail for this kind' })
  @IsBoolean()
  email: boolean;

  @ApiProperty({ description: 'keep an item in the in-app inbox for this kind' })
  @IsBoolean()
  inApp: boolean;
}

export class PreferencesDto {
  @ApiProperty({ type: [PreferenceDto], description: 'one entry per kind (all kinds listed)' })
  kinds: PreferenceDto[];

  @ApiProperty({
    type: [String],
    description: 'sector codes whose association rounds are announced to you (associations)',
  })
  sectors: string[];
}

export class UpdatePreferencesDto {
  @ApiPropertyOptional({ type: [PreferenceDto], description: 'the kinds to change' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(NOTIFICATION_KINDS.length)
  @ValidateNested({ each: true })
  @Type(() => PreferenceDto)
  kinds?: PreferenceDto[];

  @ApiPropertyOptional({ type: [String], description: 'replaces the followed sectors' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  sectors?: string[];
}

export const TASK_KINDS = [
  'send_event', // events I may send now
  'answer_feedback', // items awaiting my answer
  'round_open', // my agency's round still taking feedback
  'implementation_due', // an approved plan to implement
  'give_feedback', // a round I may answer (expert invited / association sector)
  'review_plan', // VPCP: a plan awaiting control or a decision
  'implementation_overdue', // VPCP: past its implementation deadline
] as const;

export class TaskDto {
  @ApiProperty({ enum: TASK_KINDS }) kind: string;
  @ApiProperty({ format: 'uuid' }) regulationId: string;
  @ApiProperty({ description: "the regulation's title" }) title: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) dueAt: string | null;
  @ApiProperty({ description: 'path in the web app' }) link: string;
  @ApiPropertyOptional({ type: [String], description: 'send_event / review_plan: the events' })
  events?: string[];
  @ApiPropertyOptional({ description: 'answer_feedback: how many items' }) count?: number;
  @ApiPropertyOptional({ format: 'uuid', description: 'the round, for round tasks' })
  roundId?: string;
}

export class TaskListDto {
  @ApiProperty({ type: [TaskDto], description: 'soonest due first, undated last' })
  items: TaskDto[];
}
