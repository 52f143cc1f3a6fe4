import { settingFor, unknownDriver } from '../config/driver-choices';
import { type EnvironmentVariables, StorageDriver } from '../config/env.schema';
import type { FileStorage } from './file-storage.port';
import { LocalFileStorage } from './local.file-storage';
import type { S3FileStorage as S3Driver } from './s3.file-storage';

export const STORAGE_CONFIG = [
  'STORAGE_DRIVER',
  'STORAGE_DIR',
  'S3_BUCKET',
  'S3_REGION',
  'S3_ENDPOINT',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'S3_FORCE_PATH_STYLE',
] as const;
/** The driver; each driver's own settings are checked when it is chosen (a test passes only those). */
type StorageConfig = Pick<EnvironmentVariables, 'STORAGE_DRIVER'> & Partial<Pick<EnvironmentVariables, (typeof STORAGE_CONFIG)[number]>>;

/** Builds the file storage STORAGE_DRIVER names; an unknown or incomplete choice stops boot. */
export function createFileStorage(config: StorageConfig): FileStorage {
  switch (config.STORAGE_DRIVER) {
    case StorageDriver.local:
      return new LocalFileStorage(settingFor(config, 'STORAGE_DRIVER', 'STORAGE_DIR'));
    case StorageDriver.s3: {
      // Loaded only when chosen: the AWS SDK takes a noticeable part of a second to load.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { S3FileStorage } = require('./s3.file-storage') as { S3FileStorage: typeof S3Driver };
      return new S3FileStorage({
        bucket: settingFor(config, 'STORAGE_DRIVER', 'S3_BUCKET'),
        accessKeyId: settingFor(config, 'STORAGE_DRIVER', 'S3_ACCESS_KEY_ID'),
        secretAccessKey: settingFor(config, 'STORAGE_DRIVER', 'S3_SECRET_ACCESS_KEY'),
        region: config.S3_REGION ?? 'us-east-1',
        endpoint: config.S3_ENDPOINT,
        forcePathStyle: config.S3_FORCE_PATH_STYLE ?? false,
      });
    }
    default:
      throw unknownDriver('STORAGE_DRIVER', config.STORAGE_DRIVER, StorageDriver);
  }
}
