import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '../../common/pagination';

export class ExpertListQuery extends PageQuery {
  @ApiPropertyOptional({
    example: 'an toan thuc pham',
    description: 'words of the name, field or organisation; diacritics and case ignored',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
}

export class UpdateExpertProfileDto {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 200,
    example: 'An toàn thực phẩm; thủ tục hành chính',
    description: 'the field (lĩnh vực chuyên môn) ministries see; null or empty clears it',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  field?: string | null;

  @ApiPropertyOptional({
    description:
      'true: the directory shows your e-mail to the ministries and the Government Office',
  })
  @IsOptional()
  @IsBoolean()
  shareEmail?: boolean;
}

export class OrganisationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'HDTV' }) code: string;
  @ApiProperty({ example: 'Hội đồng tư vấn cải cách thủ tục hành chính' }) name: string;
}

export class ExpertDto {
  @ApiProperty({ format: 'uuid', description: 'the id to send in OPEN_CONSULTATION expertIds' })
  id: string;
  @ApiProperty({ example: 'GS. Võ Đức Anh' }) fullName: string;
  @ApiProperty({ type: OrganisationDto }) organisation: OrganisationDto;
  @ApiProperty({ nullable: true, type: String, example: 'An toàn thực phẩm' })
  field: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'only when the expert agreed to show it (shareEmail)',
  })
  email: string | null;
}

export class ExpertPageDto {
  @ApiProperty({ type: [ExpertDto] }) items: ExpertDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class OwnExpertProfileDto extends ExpertDto {
  @ApiProperty() shareEmail: boolean;
}
