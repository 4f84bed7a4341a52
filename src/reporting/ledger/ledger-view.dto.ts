import { ApiProperty } from '@nestjs/swagger';

export class LedgerFiguresDto {
  @ApiProperty({ example: '12' }) count: string;
  @ApiProperty({ example: '10' }) costed: string;
  @ApiProperty({ example: '46462500000', description: 'whole VND' }) amount: string;
}

export class LedgerDifferenceDto {
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ type: String, nullable: true, example: 'NQ68' }) programme: string | null;
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty() bucket: string;
  @ApiProperty() inBaseline: boolean;
  @ApiProperty({ type: String, nullable: true, example: '2026-03', description: 'YYYY-MM' })
  month: string | null;
  @ApiProperty({ type: LedgerFiguresDto }) expected: LedgerFiguresDto;
  @ApiProperty({ type: LedgerFiguresDto }) actual: LedgerFiguresDto;
}

export class StaleLinesDto {
  @ApiProperty() count: number;
  @ApiProperty({ type: [String], description: 'a few regulation ids' }) sample: string[];
}

/** GET /admin/reports/check: the ledger against a recomputation from scratch. */
export class LedgerCheckDto {
  @ApiProperty({ type: String, nullable: true }) programme: string | null;
  @ApiProperty() consistent: boolean;
  @ApiProperty({ description: 'regulations whose stored line was recomputed' }) regulations: number;
  @ApiProperty({ type: StaleLinesDto }) staleLines: StaleLinesDto;
  @ApiProperty({ type: [LedgerDifferenceDto] }) differences: LedgerDifferenceDto[];
  @ApiProperty({ format: 'date-time' }) checkedAt: string;
}

/** POST /admin/reports/rebuild. */
export class LedgerRebuildDto {
  @ApiProperty({ description: 'regulations whose ledger line was rebuilt' }) regulations: number;
}
