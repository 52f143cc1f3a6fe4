import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdempotencyKey } from './idempotency-key.entity';
import { IdempotencyRepository } from './idempotency.repository';
import { IdempotencyService } from './idempotency.service';
import { PurgeIdempotencyKeysJob } from './purge-idempotency-keys.job';

/**
 * `Idempotency-Key` for the routes that create something once (bookings,
 * invoices): the key is claimed in the work's own transaction. One way for
 * every module: import this module and use IdempotencyService.
 */
@Module({
  imports: [TypeOrmModule.forFeature([IdempotencyKey])],
  providers: [IdempotencyRepository, IdempotencyService, PurgeIdempotencyKeysJob],
  exports: [IdempotencyService],
})
export class IdempotencyModule {}
