import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../../infra/config/app-config';
import { Keyring } from './keyring';

/** The keyring under ENCRYPTION_KEY (and the retired keys), for a module that seals per-business secrets. */
export const keyringProvider = {
  provide: Keyring,
  useFactory: (config: AppConfig) =>
    Keyring.fromConfig(config.get('ENCRYPTION_KEY', { infer: true })!, config.get('ENCRYPTION_KEYS_RETIRED', { infer: true })),
  inject: [ConfigService],
};
