import { ApiProperty } from '@nestjs/swagger';

/** A sector (ngành, lĩnh vực) as the API answers it. */
export class SectorViewDto {
  @ApiProperty({ example: 'food_safety' }) code: string;
  @ApiProperty({ example: 'An toàn thực phẩm' }) name: string;
  @ApiProperty() active: boolean;
}
