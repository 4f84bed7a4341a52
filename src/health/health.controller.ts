import { Controller, Get, Inject, Optional } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorFunction,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { JobQueueDriver } from '../jobs/job-queue.port';
import { Public } from '../common/public.decorator';
import { ApiProblemResponses } from '../common/openapi';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() private readonly queue?: JobQueueDriver,
  ) {}

  /** The process is up (no dependency checked). */
  @Get('live')
  @ApiProblemResponses(400)
  @ApiOkResponse({
    schema: {
      type: 'object',
      properties: { status: { type: 'string', enum: ['ok'] } },
      required: ['status'],
    },
  })
  live() {
    return { status: 'ok' };
  }

  /** The database (and Redis, when configured) answer. */
  @Get('ready')
  @ApiProblemResponses(400)
  @HealthCheck()
  ready() {
    const checks: HealthIndicatorFunction[] = [
      () => this.db.pingCheck('database', { timeout: 3000 }),
    ];
    if (this.config.redisUrl && this.queue) {
      checks.push(async () => {
        const indicator = this.indicators.check('redis');
        try {
          await this.queue!.ping();
          return indicator.up();
        } catch (err) {
          return indicator.down({ message: String(err) });
        }
      });
    }
    return this.health.check(checks);
  }
}
