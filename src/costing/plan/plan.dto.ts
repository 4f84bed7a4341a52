import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PLAN_ACTIONS, PlanAction } from '../shared/costing-rules';

export class PutPlanDto {
  @ApiProperty({ enum: PLAN_ACTIONS, description: 'bãi bỏ, đơn giản hóa, sửa đổi bổ sung' })
  @IsIn(PLAN_ACTIONS)
  action: PlanAction;

  @ApiProperty({ example: 'Bãi bỏ yêu cầu nộp bản sao chứng thực; nộp hồ sơ trực tuyến.' })
  @IsString()
  @MinLength(1)
  @MaxLength(20000)
  description: string;

  @ApiPropertyOptional({
    example: 'Nghị định sửa đổi Nghị định 15/2018/NĐ-CP',
    description: 'the legal document to amend or issue',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  targetDocument?: string;

  @ApiPropertyOptional({
    example: 'NQ66',
    description:
      "a programme code; default: the plan's current programme, else the programme running today with the latest start",
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(30)
  programme?: string;
}
