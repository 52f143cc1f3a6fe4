import { Injectable, Logger } from '@nestjs/common';
import { JobHandler, JobHandlerContract } from '../../infra/queue/job-handler.decorator';
import { JobName } from '../../infra/queue/job-names';
import { RefreshTokensRepository } from './refresh-tokens.repository';

/** Deletes refresh tokens that expired more than a day ago (the day keeps reuse detection for late replays). */
@Injectable()
@JobHandler(JobName.PurgeExpiredRefreshTokens)
export class PurgeExpiredRefreshTokensJob implements JobHandlerContract<JobName.PurgeExpiredRefreshTokens> {
  private readonly logger = new Logger('Maintenance');

  constructor(private readonly refreshTokens: RefreshTokensRepository) {}

  async handle(): Promise<{ deleted: number }> {
    const deleted = await this.refreshTokens.deleteExpired(new Date(Date.now() - 86_400_000));
    if (deleted) this.logger.log(`Deleted ${deleted} expired refresh tokens`);
    return { deleted };
  }
}
