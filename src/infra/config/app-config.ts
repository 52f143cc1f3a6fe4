import { ConfigService } from '@nestjs/config';
import { EnvironmentVariables } from './env.schema';

/** Typed access to the validated environment: `config.get('PORT', { infer: true })`. */
export type AppConfig = ConfigService<EnvironmentVariables, true>;
