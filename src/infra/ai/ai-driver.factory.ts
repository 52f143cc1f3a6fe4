import { settingFor, unknownDriver } from '../config/driver-choices';
import { AiDriver, type EnvironmentVariables } from '../config/env.schema';
import type { AiClient } from './ai.port';
import { OpenAiClient } from './openai.ai-client';

export const AI_CONFIG = ['AI_DRIVER', 'OPENAI_API_KEY', 'OPENAI_BASE_URL', 'OPENAI_MODEL', 'OPENAI_TIMEOUT_MS'] as const;
/** The driver; each driver's own settings are checked when it is chosen (a test passes only those). */
type AiConfig = Pick<EnvironmentVariables, 'AI_DRIVER'> & Partial<Pick<EnvironmentVariables, (typeof AI_CONFIG)[number]>>;

/** Builds the AI client AI_DRIVER names (`null` for `none`); an unknown or incomplete choice stops boot. */
export function createAiClient(config: AiConfig): AiClient | null {
  switch (config.AI_DRIVER) {
    case AiDriver.none:
      return null;
    case AiDriver.openai:
      return new OpenAiClient({
        apiKey: settingFor(config, 'AI_DRIVER', 'OPENAI_API_KEY'),
        baseUrl: settingFor(config, 'AI_DRIVER', 'OPENAI_BASE_URL'),
        model: settingFor(config, 'AI_DRIVER', 'OPENAI_MODEL'),
        timeoutMs: settingFor(config, 'AI_DRIVER', 'OPENAI_TIMEOUT_MS'),
      });
    default:
      throw unknownDriver('AI_DRIVER', config.AI_DRIVER, AiDriver);
  }
}
