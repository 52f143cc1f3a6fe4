import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { type AppConfig, pickConfig } from '../config/app-config';
import { ALLOCATION_CONFIG, createAllocationProvider } from './allocation-driver.factory';
import { ALLOCATION_PROVIDER, type AllocationProvider } from './allocation.port';

const providerProvider = {
  provide: ALLOCATION_PROVIDER,
  inject: [ConfigService],
  useFactory: (config: AppConfig): AllocationProvider => createAllocationProvider(pickConfig(config, ALLOCATION_CONFIG)),
};

/** The invoice allocation-number port (ALLOCATION_PROVIDER), its driver chosen at boot from ALLOCATION_DRIVER. */
@Global()
@Module({
  providers: [providerProvider],
  exports: [ALLOCATION_PROVIDER],
})
export class AllocationModule {}
