import { Global, Module, OnApplicationShutdown, Inject } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ThrottlerModule } from '@nestjs/throttler';
import { type AppConfig, pickConfig } from '../config/app-config';
import { RedisThrottlerStorage } from './redis-throttler.storage';
import { createThrottleStorage, THROTTLE_CONFIG } from './throttle-driver.factory';
import { THROTTLE_STORAGE, type ThrottlerStorage } from './throttle.port';

const storageProvider = {
  provide: THROTTLE_STORAGE,
  inject: [ConfigService],
  useFactory: (config: AppConfig): ThrottlerStorage => createThrottleStorage(pickConfig(config, THROTTLE_CONFIG)),
};

@Global()
@Module({ providers: [storageProvider], exports: [THROTTLE_STORAGE] })
export class ThrottleStorageModule implements OnApplicationShutdown {
  constructor(@Inject(THROTTLE_STORAGE) private readonly storage: ThrottlerStorage) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.storage instanceof RedisThrottlerStorage) await this.storage.close();
  }
}

@Global()
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      imports: [ThrottleStorageModule],
      inject: [ConfigService, THROTTLE_STORAGE],
      useFactory: (config: AppConfig, storage: ThrottlerStorage) => ({
        storage,
        throttlers: [
          {
            name: 'default',
            ttl: config.get('RATE_LIMIT_TTL', { infer: true }) * 1000,
            limit: config.get('RATE_LIMIT_MAX', { infer: true }),
          },
        ],
      }),
    }),
  ],
})
export class ThrottleModule {}
