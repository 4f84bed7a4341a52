import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { AgencyRefDto, DocumentRefDto } from '../../register/regulations/regulation.response';

/** `GET /consultations`: its query and its page of rounds. */
export class ConsultationListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['open', 'closed'] })
  @IsOptional()
  @IsIn(['open', 'closed'])
  status?: 'open' | 'closed';

  @ApiPropertyOptional({ enum: ['expert', 'association'] })
  @IsOptional()
  @IsIn(['expert', 'association'])
  round?: 'expert' | 'association';

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  regulationId?: string;
}

export class ConsultationRoundDto {
  @ApiProperty() id: string;
  @ApiProperty() regulationId: string;
  @ApiProperty({ description: 'consultation cycle (1 for the first, +1 after each revision)' })
  cycle: number;
  @ApiProperty({ enum: ['expert', 'association'] }) round: string;
  @ApiProperty({ format: 'date-time' }) opensAt: string;
  @ApiProperty({ format: 'date-time' }) closesAt: string;
  @ApiProperty({ enum: ['open', 'closed'] }) status: string;
  @ApiProperty({ type: [String] }) invitedExpertIds: string[];
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) closedAt: string | null;
  @ApiProperty({ nullable: true, enum: ['early', 'deadline', 'withdrawn'] })
  closeReason: string | null;
}

export class ConsultationRegulationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Thủ tục tự công bố sản phẩm' }) title: string;
  @ApiProperty({ example: 'Điều 4' }) provision: string;
  @ApiProperty({ type: AgencyRefDto }) agency: AgencyRefDto;
  @ApiProperty({ type: DocumentRefDto }) legalDocument: DocumentRefDto;
}

export class ConsultationPlanSummaryDto {
  @ApiProperty({ enum: ['abolish', 'simplify', 'amend'] }) action: string;
  @ApiProperty() description: string;
  @ApiProperty({ nullable: true, type: String }) targetDocument: string | null;
  @ApiProperty({ example: 'NQ66', description: 'the programme the plan is filed under' })
  programme: string;
}

export class ConsultationClosingDatesDto {
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) expertRound: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  associationRound: string | null;
}

export class ConsultationListingDto extends ConsultationRoundDto {
  @ApiProperty({ type: ConsultationRegulationDto, nullable: true })
  regulation: ConsultationRegulationDto | null;
  @ApiProperty({ type: ConsultationPlanSummaryDto, nullable: true })
  plan: ConsultationPlanSummaryDto | null;
  @ApiProperty({
    type: ConsultationClosingDatesDto,
    description: 'when each round of this consultation stops taking feedback',
  })
  closingDates: ConsultationClosingDatesDto;
}

export class ConsultationPageDto {
  @ApiProperty({ type: [ConsultationListingDto] }) items: ConsultationListingDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
