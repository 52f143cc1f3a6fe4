import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/**
 * For the TypeORM CLI (`npm run migration:generate`). Needs DATABASE_URL; the
 * app itself resolves the embedded server when it is unset.
 */
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL must be set to generate migrations');
export default new DataSource(dataSourceOptions(url));
