import { utilities as nestWinston } from 'nest-winston';
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
