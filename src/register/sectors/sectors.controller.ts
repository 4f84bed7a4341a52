import { Body, Controller, Get, Patch, Post, Param } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { Public } from '../../common/public.decorator';
import { ProblemException } from '../../common/problem';
import { TransactionRunner } from '../../database/transaction-runner';
import { AdminAuditService } from '../../identity/audit/admin-audit.service';
import { CurrentPrincipal, Roles } from '../../identity/auth/decorators';
import { Principal } from '../../identity/domain/principal';
import { SectorEntity } from '../persistence/sector.entity';
import { msg } from '../../common/i18n/catalogue';
import { ApiProblemResponses, PageOf } from '../../common/openapi';
import { SectorViewDto } from './sector-view.dto';

export class CreateSectorDto {
  @ApiProperty({ example: 'food_safety' })
  @IsString()
  @Matches(/^[a-z][a-z0-9_]{1,49}$/, {
    message: 'code must be 2–50 lowercase letters, digits or _',
  })
  code: string;

  @ApiProperty({ example: 'An toàn thực phẩm' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name: string;
}

export class UpdateSectorDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(2) @MaxLength(200) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

const view = (s: SectorEntity) => ({ code: s.code, name: s.name, active: s.active });

/** Ngành, lĩnh vực: a short list, kept by admin, returned whole. */
@ApiTags('sectors')
@ApiBearerAuth()
@Controller('sectors')
export class SectorsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AdminAuditService,
  ) {}

  @Get()
  @ApiOkResponse({ type: PageOf(SectorViewDto) })
  // Any route answers 400 to a query it cannot take (e.g. a NUL character).
  @ApiProblemResponses(400)
  @Public()
  @ApiOperation({
    summary: 'Sectors (ngành, lĩnh vực), whole',
    description: "Public: the portal names a regulation's sector and filters by it.",
  })
  async list() {
    const rows = await this.dataSource.getRepository(SectorEntity).find({ order: { code: 'ASC' } });
    return { items: rows.map(view), nextCursor: null };
  }

  @Post()
  @ApiCreatedResponse({ type: SectorViewDto })
  @ApiProblemResponses(400, 401, 403)
  @Roles('admin')
  @ApiOperation({ summary: 'Add a sector (admin)' })
  create(@CurrentPrincipal() actor: Principal, @Body() dto: CreateSectorDto) {
    return this.transactions.run(async ({ manager }) => {
      if (await manager.findOneBy(SectorEntity, { code: dto.code })) {
        throw new ProblemException(409, 'duplicate', msg('sector.exists', { code: dto.code }), {
          errors: [{ field: 'code', message: 'already in use' }],
        });
      }
      const sector = manager.create(SectorEntity, {
        code: dto.code,
        name: dto.name.trim().normalize('NFC'),
        active: true,
      });
      await manager.insert(SectorEntity, sector);
      await this.audit.record(manager, actor, {
        action: 'sector.create',
        entityType: 'sector',
        entityId: sector.code,
        changes: view(sector),
      });
      return view(sector);
    });
  }

  @Patch(':code')
  @ApiOkResponse({ type: SectorViewDto })
  @ApiProblemResponses(400, 401, 403, 404)
  @Roles('admin')
  @ApiOperation({ summary: 'Rename or deactivate a sector (admin)' })
  update(
    @CurrentPrincipal() actor: Principal,
    @Param('code') code: string,
    @Body() dto: UpdateSectorDto,
  ) {
    return this.transactions.run(async ({ manager }) => {
      const s = await manager.findOne(SectorEntity, {
        where: { code },
        lock: { mode: 'pessimistic_write' },
      });
      if (!s) throw new ProblemException(404, 'not-found', msg('sector.noSuch'));
      const before = view(s);
      if (dto.name !== undefined) s.name = dto.name.trim().normalize('NFC');
      if (dto.active !== undefined) s.active = dto.active;
      await manager.update(SectorEntity, { code }, { name: s.name, active: s.active });
      await this.audit.record(manager, actor, {
        action: 'sector.update',
        entityType: 'sector',
        entityId: code,
        changes: { before, after: view(s) },
      });
      return view(s);
    });
  }
}
