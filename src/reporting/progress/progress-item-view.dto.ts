import { ApiProperty } from '@nestjs/swagger';
import { AgencyRefDto, DocumentRefDto } from '../../register/regulations/regulation.response';

/** One regulation behind a figure of the ledger (drill-down). */
export class ProgressItemDto {
  @ApiProperty({ format: 'uuid' }) regulationId: string;
  @ApiProperty() title: string;
  @ApiProperty() provision: string;
  @ApiProperty() category: string;
  @ApiProperty() stateName: string;
  @ApiProperty({ type: AgencyRefDto }) agency: AgencyRefDto;
  @ApiProperty({ type: DocumentRefDto }) legalDocument: DocumentRefDto;
  @ApiProperty({ description: "in the programme's baseline" }) inBaseline: boolean;
  @ApiProperty({ description: 'has a baseline estimate' }) costed: boolean;
  @ApiProperty({ example: '23231250000', description: 'whole VND per year' }) baselineCost: string;
  @ApiProperty({ type: String, nullable: true }) planAction: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'NQ68' }) planProgramme: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'whole VND per year' })
  savings: string | null;
  @ApiProperty({ type: String, nullable: true }) approvedOn: string | null;
  @ApiProperty({ type: String, nullable: true }) implementedOn: string | null;
  @ApiProperty({ type: String, nullable: true }) implementationDeadline: string | null;
  @ApiProperty() overdue: boolean;
}

export class OverdueDecisionDto {
  @ApiProperty({ type: String, nullable: true }) number: string | null;
  @ApiProperty({ type: String, nullable: true }) date: string | null;
}

/** An implementation past its deadline. */
export class OverdueItemDto {
  @ApiProperty({ format: 'uuid' }) regulationId: string;
  @ApiProperty() title: string;
  @ApiProperty() provision: string;
  @ApiProperty({ type: AgencyRefDto }) agency: AgencyRefDto;
  @ApiProperty({ type: OverdueDecisionDto }) decision: OverdueDecisionDto;
  @ApiProperty({ format: 'date-time' }) implementationDeadline: string;
  @ApiProperty({ format: 'date-time', description: 'the deadline itself' }) overdueSince: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'when the durable timer recorded the overdue state',
  })
  overdueRecordedAt: string | null;
  @ApiProperty({ description: 'calendar days (Asia/Ho_Chi_Minh) since the deadline' })
  daysOverdue: number;
  @ApiProperty({ type: String, nullable: true }) planProgramme: string | null;
  @ApiProperty({ type: String, nullable: true }) savings: string | null;
}
