import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../../identity/auth/decorators';
import { AdminAuditService } from '../../identity/audit/admin-audit.service';
import { Principal } from '../../identity/domain/principal';
import { CheckQuery } from '../progress/progress.dto';
import { ProgressService } from '../progress/progress.service';
import { LedgerService } from './ledger.service';
import { ApiProblemResponses } from '../../common/openapi';
import { LedgerCheckDto, LedgerRebuildDto } from './ledger-view.dto';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('admin/reports')
export class LedgerAdminController {
  constructor(
    private readonly ledger: LedgerService,
    private readonly progress: ProgressService,
    private readonly audit: AdminAuditService,
  ) {}

  @Get('check')
  @ApiOkResponse({ type: LedgerCheckDto })
  @ApiProblemResponses(400, 401, 403)
  @Roles('admin')
  @ApiOperation({
    summary: 'Recompute the ledger from scratch and compare it with the maintained aggregates',
    description:
      '`consistent` is true when every stored line and every summed aggregate equals the recomputation; otherwise `differences` (per programme, agency, bucket, month) and `staleLines` say where.',
  })
  async check(@Query() q: CheckQuery) {
    const programme = q.programme ? await this.progress.programme(q.programme) : null;
    return this.ledger.check(programme);
  }

  @Post('rebuild')
  @ApiOkResponse({ type: LedgerRebuildDto })
  @ApiProblemResponses(401, 403)
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: 'Rebuild the ledger from scratch (repair after writes that bypassed the application)',
  })
  async rebuild(@CurrentPrincipal() p: Principal) {
    const result = await this.ledger.rebuild((manager, outcome) =>
      this.audit.record(manager, p, {
        action: 'reports.rebuild',
        entityType: 'progress_ledger',
        entityId: null,
        changes: outcome as never,
      }),
    );
    await this.ledger.compact();
    return result;
  }
}
