import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { decodeCursor, PageQuery, toPage } from '../../common/pagination';
import { ProblemException, ValidationProblem } from '../../common/problem';
import { UuidParam } from '../../common/uuid-param';
import { TransactionRunner } from '../../database/transaction-runner';
import { AdminAuditService } from '../audit/admin-audit.service';
import { generateApiKey, hashSecret } from '../auth/authentication.service';
import { CurrentPrincipal, Roles } from '../auth/decorators';
import { Principal } from '../domain/principal';
import { AgencyEntity } from '../persistence/agency.entity';
import { ApiKeyEntity } from '../persistence/api-key.entity';
import { msg } from '../../common/i18n/catalogue';
import { ApiProblemResponses, PageOf } from '../../common/openapi';
import { ApiKeyViewDto, CreatedApiKeyDto } from './api-key-view.dto';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'LGSP Bộ Y tế' }) @IsString() @MinLength(2) @MaxLength(200) name: string;
  @ApiProperty() @IsUUID() agencyId: string;
  @ApiProperty({
    enum: ['read', 'write'],
    description: 'write acts as a ministry_officer of the agency',
  })
  @IsIn(['read', 'write'])
  access: 'read' | 'write';
}

const view = (k: ApiKeyEntity) => ({
  id: k.id,
  name: k.name,
  agencyId: k.agencyId,
  access: k.access,
  prefix: k.prefix,
  createdAt: k.createdAt,
  revokedAt: k.revokedAt,
  lastUsedAt: k.lastUsedAt,
});

/** Keys for integration clients (LGSP/NGSP): shown once, stored hashed, revocable. */
@ApiTags('api-keys')
@ApiBearerAuth()
@Roles('admin')
@Controller('api-keys')
export class ApiKeysController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AdminAuditService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOkResponse({ type: PageOf(ApiKeyViewDto) })
  @ApiProblemResponses(400, 401, 403)
  @ApiOperation({ summary: 'API keys (their prefixes, never the secrets)' })
  async list(@Query() q: PageQuery) {
    const limit = q.limit ?? 50;
    const after = decodeCursor(q.cursor, 2);
    const qb = this.dataSource
      .getRepository(ApiKeyEntity)
      .createQueryBuilder('k')
      .orderBy('k.created_at', 'DESC')
      .addOrderBy('k.id', 'DESC')
      .limit(limit + 1);
    if (after) qb.andWhere('(k.created_at, k.id) < (:at, :id)', { at: after[0], id: after[1] });
    const rows = await qb.getMany();
    return toPage(rows, limit, view, (k) => [k.createdAt.toISOString(), k.id]);
  }

  @Post()
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  @ApiProblemResponses(400, 401, 403)
  @ApiOperation({ summary: 'Create an API key; the key is returned only in this answer' })
  async create(@CurrentPrincipal() actor: Principal, @Body() dto: CreateApiKeyDto) {
    return this.transactions.run(async ({ manager }) => {
      const agency = await manager.findOneBy(AgencyEntity, { id: dto.agencyId });
      if (!agency) throw new ValidationProblem([{ field: 'agencyId', message: 'no such agency' }]);
      if (dto.access === 'write' && !['ministry', 'province', 'other'].includes(agency.kind)) {
        throw new ValidationProblem([
          { field: 'access', message: `a ${agency.kind} may only have read-only keys` },
        ]);
      }
      const { prefix, secret, key } = generateApiKey();
      const entity = manager.create(ApiKeyEntity, {
        id: randomUUID(),
        agencyId: agency.id,
        name: dto.name.trim(),
        prefix,
        secretHash: hashSecret(secret),
        access: dto.access,
        createdBy: actor.userId,
        createdAt: this.clock.now(),
        revokedAt: null,
        lastUsedAt: null,
      });
      await manager.insert(ApiKeyEntity, entity);
      await this.audit.record(manager, actor, {
        action: 'api_key.create',
        entityType: 'api_key',
        entityId: entity.id,
        changes: { name: entity.name, agencyId: entity.agencyId, access: entity.access },
      });
      return { ...view(entity), key };
    });
  }

  @Post(':id/revoke')
  @ApiOkResponse({ type: ApiKeyViewDto })
  @ApiProblemResponses(400, 401, 403, 404)
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke an API key' })
  async revoke(@CurrentPrincipal() actor: Principal, @UuidParam() id: string) {
    return this.transactions.run(async ({ manager }) => {
      const k = await manager.findOne(ApiKeyEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!k) throw new ProblemException(404, 'not-found', msg('apiKey.noSuch'));
      if (!k.revokedAt) {
        k.revokedAt = this.clock.now();
        await manager.update(ApiKeyEntity, { id }, { revokedAt: k.revokedAt });
        await this.audit.record(manager, actor, {
          action: 'api_key.revoke',
          entityType: 'api_key',
          entityId: id,
        });
      }
      return view(k);
    });
  }
}
