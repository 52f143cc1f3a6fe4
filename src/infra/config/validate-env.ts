import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ConfigValidationError } from './config-validation.error';
import { applyDriverDefaults, missingDriverSettings } from './driver-choices';
import { EnvironmentVariables, NodeEnv } from './env.schema';
import { resolveDevSecret } from './dev-secrets';

export { ConfigValidationError };

/**
 * Validates `process.env` into a typed object. Throws a message naming each bad
 * variable, so the process stops at boot rather than failing later.
 */
export function validateEnv(raw: Record<string, unknown>): EnvironmentVariables {
  const env = plainToInstance(EnvironmentVariables, raw, { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: false, skipMissingProperties: false });
  const problems = errors.flatMap((e) => Object.values(e.constraints ?? {}).map((msg) => `${e.property}: ${msg}`));
  if (env.NODE_ENV === NodeEnv.production && !env.JWT_SECRET) {
    problems.push('JWT_SECRET: required in production (at least 32 characters)');
  }
  if (env.NODE_ENV === NodeEnv.production && !env.ENCRYPTION_KEY) {
    problems.push('ENCRYPTION_KEY: required in production (32 random bytes, base64 or 64 hex digits)');
  }
  if (env.NODE_ENV === NodeEnv.production && env.WEBHOOK_ALLOW_PRIVATE_URLS) {
    problems.push('WEBHOOK_ALLOW_PRIVATE_URLS: not allowed in production (webhook endpoints must be public https URLs)');
  }
  applyDriverDefaults(env);
  problems.push(...missingDriverSettings(env));
  if (problems.length > 0) throw ConfigValidationError.of(problems);
  if (!env.JWT_SECRET) env.JWT_SECRET = resolveDevSecret(env.DATA_DIR, 'JWT_SECRET', 'jwt-secret', 48);
  if (!env.ENCRYPTION_KEY) env.ENCRYPTION_KEY = resolveDevSecret(env.DATA_DIR, 'ENCRYPTION_KEY', 'encryption-key', 32);
  if (!env.LOG_DIR) env.LOG_DIR = `${env.DATA_DIR.replace(/\/$/, '')}/logs`;
  if (!env.OUTBOX_DIR) env.OUTBOX_DIR = `${env.DATA_DIR.replace(/\/$/, '')}/outbox`;
  if (!env.STORAGE_DIR) env.STORAGE_DIR = `${env.DATA_DIR.replace(/\/$/, '')}/files`;
  return env;
}
