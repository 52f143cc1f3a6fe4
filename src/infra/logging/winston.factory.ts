import type { LoggerService } from '@nestjs/common';
import { utilities as nestWinston, WinstonModule } from 'nest-winston';
import { createLogger, format, Logger, transports } from 'winston';
import DailyRotateFile from 'winston-daily-rotate-file';
import { RequestContext } from '../../common/http/request-context';
import { EnvironmentVariables, NodeEnv } from '../config/env.schema';

export const LOG_FILE_PREFIX = 'chatgrow';

/** Stamps the request id of the work in progress on every line. */
const withRequestId = format((info) => {
  const requestId = RequestContext.requestId();
  if (requestId && !info.requestId) info.requestId = requestId;
  return info;
});

/**
 * Console (readable in development, JSON in production) plus daily-rotated
 * JSON files in LOG_DIR, bounded by LOG_MAX_SIZE and LOG_MAX_FILES.
 */
export function createWinston(env: EnvironmentVariables): Logger {
  const json = format.combine(withRequestId(), format.timestamp(), format.errors({ stack: true }), format.json());
  const readable = format.combine(
    withRequestId(),
    format.timestamp(),
    format.ms(),
    nestWinston.format.nestLike('ChatGrow', { colors: process.stdout.isTTY, prettyPrint: true }),
  );
  return createLogger({
    level: env.LOG_LEVEL,
    transports: [
      new transports.Console({ format: env.NODE_ENV === NodeEnv.production ? json : readable }),
      new DailyRotateFile({
        dirname: env.LOG_DIR,
        filename: `${LOG_FILE_PREFIX}-%DATE%.log`,
        datePattern: 'YYYY-MM-DD',
        maxSize: env.LOG_MAX_SIZE,
        maxFiles: env.LOG_MAX_FILES,
        format: json,
      }),
    ],
  });
}

/** Nest's log methods and the winston levels they write at (nest-winston's mapping). */
const NEST_LEVELS = { log: 'info', error: 'error', warn: 'warn', debug: 'debug', verbose: 'verbose', fatal: 'error' } as const;

/**
 * The app's Nest logger over winston. winston formats and streams every
 * message before its transports drop the ones below their level, so a
 * per-request `verbose` line would cost as much unwritten as written; here a
 * level below LOG_LEVEL returns at once.
 */
export function createNestLogger(env: EnvironmentVariables): LoggerService {
  const winston = createWinston(env);
  const inner = WinstonModule.createLogger({ instance: winston });
  const logger: LoggerService = { log: () => undefined, error: () => undefined, warn: () => undefined };
  for (const [method, level] of Object.entries(NEST_LEVELS) as [keyof typeof NEST_LEVELS, string][]) {
    const write = inner[method]?.bind(inner);
    logger[method] = write && winston.isLevelEnabled(level) ? write : () => undefined;
  }
  return logger;
}
