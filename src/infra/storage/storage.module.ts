import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { type AppConfig, pickConfig } from '../config/app-config';
import { FILE_STORAGE, type FileStorage } from './file-storage.port';
import { createFileStorage, STORAGE_CONFIG } from './storage-driver.factory';

const storageProvider = {
  provide: FILE_STORAGE,
  inject: [ConfigService],
  useFactory: (config: AppConfig): FileStorage => createFileStorage(pickConfig(config, STORAGE_CONFIG)),
};

/** The file storage port (FILE_STORAGE), with the driver STORAGE_DRIVER chooses. */
@Global()
@Module({
  providers: [storageProvider],
  exports: [FILE_STORAGE],
})
export class StorageModule {}
