import { Module } from '@nestjs/common';
import { IdempotencyService } from './idempotency.service';
import { IdempotentWrite } from './idempotent-write';
import { IdempotencyRepository } from './persistence/idempotency.repository';

/**
 * `Idempotency-Key` (api.md) for any write route: the stored first answers per caller and key,
 * and IdempotentWrite for creating writes. Used by the workflow, consultation and decisions.
 */
@Module({
  providers: [IdempotencyRepository, IdempotencyService, IdempotentWrite],
  exports: [IdempotencyService, IdempotentWrite],
})
export class IdempotencyModule {}
