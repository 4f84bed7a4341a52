import { ApiProperty } from '@nestjs/swagger';
import { PLAN_ACTIONS } from '../shared/costing-rules';

/** The simplification plan (phương án cắt giảm, đơn giản hóa) of one regulation (PlanView). */
export class PlanViewDto {
  @ApiProperty({ format: 'uuid' }) regulationId: string;
  @ApiProperty({ enum: PLAN_ACTIONS }) action: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: String, nullable: true }) targetDocument: string | null;
  @ApiProperty({ example: 'NQ68', description: "the programme's code" }) programme: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ description: "the programme's minimum consultation period (days)" })
  minConsultationDays: number;
  @ApiProperty() version: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) updatedBy: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
