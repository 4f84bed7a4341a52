import { ApiProperty } from '@nestjs/swagger';
import { ESTIMATE_KINDS } from '../shared/costing-rules';
import { PlanViewDto } from '../plan/plan-view.dto';

/** Decimal strings, as stored (exact, no float). */
export class EstimateActivityDto {
  @ApiProperty() name: string;
  @ApiProperty({ example: '2.5' }) hours: string;
  @ApiProperty({ type: String, nullable: true }) hoursLow: string | null;
  @ApiProperty({ type: String, nullable: true }) hoursHigh: string | null;
}

/** The validated inputs of an estimate (StoredInputs), every number an exact decimal string. */
export class EstimateInputsDto {
  @ApiProperty({ type: [EstimateActivityDto] }) activities: EstimateActivityDto[];
  @ApiProperty() hiredServices: string;
  @ApiProperty() feesAndCharges: string;
  @ApiProperty() otherCosts: string;
  @ApiProperty() frequencyPerYear: string;
  @ApiProperty({ type: String, nullable: true }) frequencyLow: string | null;
  @ApiProperty({ type: String, nullable: true }) frequencyHigh: string | null;
  @ApiProperty() subjectsPerYear: string;
  @ApiProperty({ type: String, nullable: true }) subjectsLow: string | null;
  @ApiProperty({ type: String, nullable: true }) subjectsHigh: string | null;
}

/** Where the figures come from (domain.md §4): time cost + money costs = unit cost, × quantity. */
export class EstimateBreakdownDto {
  @ApiProperty() totalHours: string;
  @ApiProperty() timeCost: string;
  @ApiProperty() hiredServices: string;
  @ApiProperty() feesAndCharges: string;
  @ApiProperty() otherCosts: string;
  @ApiProperty() unitCost: string;
  @ApiProperty() annualCost: string;
  @ApiProperty() hasRange: boolean;
  @ApiProperty({ type: String, nullable: true }) totalHoursLow: string | null;
  @ApiProperty({ type: String, nullable: true }) totalHoursHigh: string | null;
  @ApiProperty({ type: String, nullable: true }) unitCostLow: string | null;
  @ApiProperty({ type: String, nullable: true }) unitCostHigh: string | null;
  @ApiProperty({ type: String, nullable: true }) annualCostLow: string | null;
  @ApiProperty({ type: String, nullable: true }) annualCostHigh: string | null;
}

/** An estimate (EstimateView): its inputs, the figures (money as strings) and the breakdown. */
export class EstimateViewDto extends EstimateInputsDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) regulationId: string;
  @ApiProperty({ enum: ESTIMATE_KINDS }) kind: string;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'uuid' }) parameterSetId: string;
  @ApiProperty() parameterSetYear: number;
  @ApiProperty() subjectType: string;
  @ApiProperty() costKind: string;
  @ApiProperty({ example: '30539.77', description: 'VND/h, 2 decimals' }) hourlyRate: string;
  @ApiProperty({ description: 'the exact rate "n/d"' }) hourlyRateExact: string;
  @ApiProperty({ example: '1935937.50' }) unitCost: string;
  @ApiProperty({ example: '23231250000', description: 'whole VND per year' }) annualCost: string;
  @ApiProperty({ type: String, nullable: true }) annualCostLow: string | null;
  @ApiProperty({ type: String, nullable: true }) annualCostHigh: string | null;
  @ApiProperty({ type: EstimateBreakdownDto }) breakdown: EstimateBreakdownDto;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) updatedBy: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

/** A regulation's cost figures (CostSummary): baseline, proposed, savings, reduction. */
export class CostFiguresDto {
  @ApiProperty({ type: String, nullable: true, description: 'whole VND per year' })
  baselineCost: string | null;
  @ApiProperty({ type: String, nullable: true, description: '"0" when the plan abolishes it' })
  proposedCost: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'baseline − proposed' })
  savings: string | null;
  @ApiProperty({ type: Number, nullable: true, example: 49.93 }) reductionPct: number | null;
}

/** GET /regulations/:id/cost-estimates: the current estimates, the plan and the savings. */
export class CostOverviewDto extends CostFiguresDto {
  @ApiProperty({ format: 'uuid' }) regulationId: string;
  @ApiProperty({ type: EstimateViewDto, nullable: true }) baseline: EstimateViewDto | null;
  @ApiProperty({ type: EstimateViewDto, nullable: true }) proposed: EstimateViewDto | null;
  @ApiProperty({ type: PlanViewDto, nullable: true }) plan: PlanViewDto | null;
}

/** One version of an estimate (EstimateHistoryItem): who, when, why, source. */
export class EstimateHistoryItemDto {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'uuid' }) estimateId: string;
  @ApiProperty({ enum: ESTIMATE_KINDS }) kind: string;
  @ApiProperty() version: number;
  @ApiProperty({ example: 'manual' }) source: string;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) feedbackId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) changedBy: string | null;
  @ApiProperty({ type: String, nullable: true }) changedByName: string | null;
  @ApiProperty({ format: 'date-time' }) changedAt: string;
  @ApiProperty({ format: 'uuid' }) parameterSetId: string;
  @ApiProperty({ type: Number, nullable: true }) parameterSetYear: number | null;
  @ApiProperty({ type: String, nullable: true }) hourlyRate: string | null;
  @ApiProperty({ type: String, nullable: true }) unitCost: string | null;
  @ApiProperty() annualCost: string;
  @ApiProperty({ type: String, nullable: true }) annualCostLow: string | null;
  @ApiProperty({ type: String, nullable: true }) annualCostHigh: string | null;
  @ApiProperty({ type: EstimateInputsDto }) inputs: EstimateInputsDto;
}
