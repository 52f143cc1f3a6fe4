import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { AppConfig } from '../../infra/config/app-config';
import { LOG_LEVELS } from '../../infra/config/env.schema';
import { LOG_FILE_PREFIX } from '../../infra/logging/winston.factory';
import type { LogLineDto, LogsQueryDto } from './dto/logs-query.dto';

const severity = (level: string) => {
  const i = (LOG_LEVELS as readonly string[]).indexOf(level);
  return i === -1 ? LOG_LEVELS.length : i;
};

/** Reads the JSON log files this process (and its siblings) wrote to LOG_DIR, newest first. */
@Injectable()
export class LogsService {
  private readonly dir: string;

  constructor(@Inject(ConfigService) config: AppConfig) {
    this.dir = config.get('LOG_DIR', { infer: true }) ?? './data/logs';
  }

  async search(query: LogsQueryDto): Promise<LogLineDto[]> {
    const since = query.since ? Date.parse(query.since) : undefined;
    const maxSeverity = query.level ? severity(query.level) : LOG_LEVELS.length;
    const files = existsSync(this.dir)
      ? readdirSync(this.dir)
          .filter((f) => f.startsWith(`${LOG_FILE_PREFIX}-`) && f.endsWith('.log'))
          .sort()
          .reverse()
      : [];
    const found: LogLineDto[] = [];
    for (const file of files) {
      const lines: LogLineDto[] = [];
      for await (const raw of createInterface({ input: createReadStream(join(this.dir, file), 'utf8'), crlfDelay: Infinity })) {
        const line = this.parse(raw);
        if (!line) continue;
        if (severity(line.level) > maxSeverity) continue;
        if (since !== undefined && Date.parse(line.timestamp) < since) continue;
        if (query.requestId && line.requestId !== query.requestId) continue;
        lines.push(line);
      }
      found.push(...lines.reverse());
      if (found.length >= query.limit) break;
    }
    return found.slice(0, query.limit);
  }

  private parse(raw: string): LogLineDto | null {
    try {
      const o = JSON.parse(raw) as Record<string, unknown>;
      return {
        level: String(o.level ?? ''),
        message: String(o.message ?? ''),
        timestamp: String(o.timestamp ?? ''),
        requestId: typeof o.requestId === 'string' ? o.requestId : undefined,
        context: typeof o.context === 'string' ? o.context : undefined,
      };
    } catch {
      return null;
    }
  }
}
