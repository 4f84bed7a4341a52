import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { decodeCursor, PageQuery, toPage } from '../../common/pagination';
import { Roles } from '../auth/decorators';
import { AdminAuditEntity } from '../persistence/admin-audit.entity';
import { ApiProblemResponses, PageOf } from '../../common/openapi';
import { AuditEntryDto } from './audit-entry-view.dto';

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'user' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  entityType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) entityId?: string;
}

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/audit-log')
export class AdminAuditController {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest first. */
  @Get()
  @ApiOkResponse({ type: PageOf(AuditEntryDto) })
  @ApiProblemResponses(400, 401, 403)
  async list(@Query() q: AuditQuery) {
    const limit = q.limit ?? 50;
    const after = decodeCursor(q.cursor, 1);
    const qb = this.dataSource
      .getRepository(AdminAuditEntity)
      .createQueryBuilder('l')
      .orderBy('l.id', 'DESC')
      .limit(limit + 1);
    if (q.entityType) qb.andWhere('l.entity_type = :t', { t: q.entityType });
    if (q.entityId) qb.andWhere('l.entity_id = :e', { e: q.entityId });
    if (after) qb.andWhere('l.id < :id', { id: after[0] });
    const rows = await qb.getMany();
    return toPage(
      rows,
      limit,
      (l) => ({ ...l, id: Number(l.id) }),
      (l) => [l.id],
    );
  }
}
