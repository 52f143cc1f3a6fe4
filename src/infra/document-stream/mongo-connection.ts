import { Logger } from '@nestjs/common';
import mongoose, { type Connection } from 'mongoose';

export interface MongoConnectOptions {
  attempts: number;
  delayMs: number;
  serverSelectionTimeoutMS: number;
}

/**
 * What MongooseModule.forRoot did before the driver factory opened the connection
 * itself: 9 attempts 3 s apart, 5 s of server selection each, so a MongoDB still
 * starting next to the app does not stop its boot.
 */
const RETRY: MongoConnectOptions = { attempts: 9, delayMs: 3_000, serverSelectionTimeoutMS: 5_000 };

/** Connects before boot goes on; the error never shows MONGODB_URI, which may hold a password. */
export async function connectMongo(uri: string, options: MongoConnectOptions = RETRY): Promise<Connection> {
  const logger = new Logger('DocumentStream');
  for (let attempt = 1; ; attempt++) {
    const connection = mongoose.createConnection(uri, { serverSelectionTimeoutMS: options.serverSelectionTimeoutMS });
    try {
      return await connection.asPromise();
    } catch (err) {
      await connection.close().catch(() => undefined);
      const reason = err instanceof Error ? err.message : String(err);
      if (attempt >= options.attempts) {
        throw new Error(`MongoDB (MONGODB_URI) did not answer after ${attempt} attempts: ${reason}`, { cause: err });
      }
      logger.warn(`MongoDB (MONGODB_URI) did not answer, attempt ${attempt} of ${options.attempts}: ${reason}`);
      await new Promise((resolve) => setTimeout(resolve, options.delayMs));
    }
  }
}
