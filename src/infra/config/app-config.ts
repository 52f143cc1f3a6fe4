import { ConfigService } from '@nestjs/config';
import { EnvironmentVariables } from './env.schema';

/** Typed access to the validated environment: `config.get('PORT', { infer: true })`. */
export type AppConfig = ConfigService<EnvironmentVariables, true>;

/**
 * The named variables as a plain object. Driver factories take plain config, so
 * a module hands them these and a test hands them a literal.
 */
export function pickConfig<K extends keyof EnvironmentVariables>(config: AppConfig, keys: readonly K[]): Pick<EnvironmentVariables, K> {
  const get = (key: K): unknown => config.get(key, { infer: true });
  return Object.fromEntries(keys.map((key) => [key, get(key)])) as Pick<EnvironmentVariables, K>;
}
