import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { type AppConfig, pickConfig } from '../config/app-config';
import { AI_CONFIG, createAiClient } from './ai-driver.factory';
import { AI_CLIENT, type AiClient } from './ai.port';

const clientProvider = {
  provide: AI_CLIENT,
  inject: [ConfigService],
  useFactory: (config: AppConfig): AiClient | null => createAiClient(pickConfig(config, AI_CONFIG)),
};

/** The AI port (AI_CLIENT): the driver AI_DRIVER chooses, or `null` for `none`. */
@Global()
@Module({
  providers: [clientProvider],
  exports: [AI_CLIENT],
})
export class AiModule {}
