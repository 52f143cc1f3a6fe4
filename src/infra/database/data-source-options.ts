import { join } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** One definition of how we talk to PostgreSQL, shared by the app, the CLI and tests. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ['common', 'infra', 'modules'].map((floor) => join(__dirname, `../../${floor}/**/*.entity.js`)),
    migrations: [join(__dirname, 'migrations/*.js')],
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    uuidExtension: 'pgcrypto',
    extra: { max: 20, application_name: 'chatgrow' },
  };
}
