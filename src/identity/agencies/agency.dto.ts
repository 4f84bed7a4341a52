import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { AGENCY_KINDS, AgencyKind } from '../domain/roles';

export class CreateAgencyDto {
  @ApiProperty({ example: 'BYT' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,49}$/, {
    message: 'code must be 1–50 letters, digits, _ . -',
  })
  code: string;

  @ApiProperty({ example: 'Bộ Y tế' })
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  name: string;

  @ApiProperty({ enum: AGENCY_KINDS })
  @IsIn(AGENCY_KINDS)
  kind: AgencyKind;
}

export class UpdateAgencyDto extends PartialType(CreateAgencyDto) {
  @ApiPropertyOptional({ description: 'false deactivates the agency (records are never deleted)' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class AgencyListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: AGENCY_KINDS })
  @IsOptional()
  @IsIn(AGENCY_KINDS)
  kind?: AgencyKind;
}

export interface AgencyView {
  id: string;
  code: string;
  name: string;
  kind: AgencyKind;
  active: boolean;
}
