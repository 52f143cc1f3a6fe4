import { Controller, Get, Inject } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import {
  DiskHealthIndicator,
  HealthCheck,
  HealthCheckResult,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import { Public } from '../../common/auth/auth.decorators';
import type { AppConfig } from '../../infra/config/app-config';
import { DOCUMENT_STREAM_STORE, type DocumentStreamStore } from '../../infra/document-stream/document-stream.port';
import { FILE_STORAGE, type FileStorage } from '../../infra/storage/file-storage.port';
import { JobQueueService } from '../../infra/queue/job-queue.service';
import { QueueName } from '../../infra/queue/job-names';
import { QUEUE_CONNECTION, type QueueConnection } from '../../infra/queue/queue.port';

const TIMEOUT_MS = 3_000;

function withTimeout<T>(work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    new Promise<T>((_, fail) => setTimeout(() => fail(new Error(`timed out after ${TIMEOUT_MS} ms`)), TIMEOUT_MS).unref()),
  ]);
}

@ApiTags('health')
@Public()
@SkipThrottle()
@Controller('health')
export class HealthController {
  private readonly dataDir: string;
  private readonly threshold: number;

  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly disk: DiskHealthIndicator,
    private readonly jobs: JobQueueService,
    @Inject(QUEUE_CONNECTION) private readonly queue: QueueConnection,
    @Inject(DOCUMENT_STREAM_STORE) private readonly streams: DocumentStreamStore,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(ConfigService) config: AppConfig,
  ) {
    this.dataDir = resolve(config.get('DATA_DIR', { infer: true }));
    mkdirSync(this.dataDir, { recursive: true });
    this.threshold = config.get('HEALTH_DISK_THRESHOLD', { infer: true });
  }

  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'Overall health (same checks as /health/ready)' })
  @ApiServiceUnavailableResponse({ description: 'A dependency is down' })
  check(): Promise<HealthCheckResult> {
    return this.readiness();
  }

  @Get('live')
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness: the process answers' })
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: database, queue backend, document store, file storage and disk' })
  @ApiServiceUnavailableResponse({ description: 'Not ready' })
  ready(): Promise<HealthCheckResult> {
    return this.readiness();
  }

  private readiness(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.db.pingCheck('database', { timeout: TIMEOUT_MS }),
      () => this.probe(`queue:${this.queue.kind}`, () => this.jobs.queue(QueueName.maintenance).getJobCounts('waiting')),
      () => this.probe(`documents:${this.streams.kind}`, () => this.streams.ping()),
      () => this.probe(`storage:${this.storage.driver}`, () => this.storageProbe()),
      () => this.disk.checkStorage('disk', { path: this.dataDir, thresholdPercent: this.threshold }),
    ]);
  }

  /** The port's probe answers rather than throws; a failed one becomes a down indicator here. */
  private async storageProbe(): Promise<void> {
    const result = await this.storage.probe();
    if (!result.ok) throw new Error(result.detail ?? 'file storage is not usable');
  }

  private async probe(key: string, check: () => Promise<unknown>) {
    const status = this.indicator.check(key);
    try {
      await withTimeout(check());
      return status.up();
    } catch (err) {
      return status.down({ message: (err as Error).message });
    }
  }
}
