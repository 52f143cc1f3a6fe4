import { Global, Module, OnApplicationShutdown, Inject } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ThrottlerModule, ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import Redis from 'ioredis';
import type { AppConfig } from '../config/app-config';
import { RedisThrottlerStorage } from './redis-throttler.storage';

/** The counters behind every rate limit: in memory, or in Redis when REDIS_URL is set. */
export const THROTTLE_STORAGE = Symbol('THROTTLE_STORAGE');

const storageProvider = {
  provide: THROTTLE_STORAGE,
  inject: [ConfigService],
  useFactory: (config: AppConfig): ThrottlerStorage => {
    const url = config.get('REDIS_URL', { infer: true });
    return url ? new RedisThrottlerStorage(new Redis(url, { maxRetriesPerRequest: 2 })) : new ThrottlerStorageService();
  },
};

@Global()
@Module({ providers: [storageProvider], exports: [THROTTLE_STORAGE] })
export class ThrottleStorageModule implements OnApplicationShutdown {
  constructor(@Inject(THROTTLE_STORAGE) private readonly storage: ThrottlerStorage) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.storage instanceof RedisThrottlerStorage) await this.storage.close();
    if (this.storage instanceof ThrottlerStorageService) this.storage.onApplicationShutdown();
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
