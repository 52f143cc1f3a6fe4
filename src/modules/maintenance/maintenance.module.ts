import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { MaintenanceScheduler } from './maintenance.scheduler';
import { PurgeExpiredRefreshTokensJob } from './purge-expired-refresh-tokens.job';

@Module({
  imports: [AuthModule],
  providers: [PurgeExpiredRefreshTokensJob, MaintenanceScheduler],
})
export class MaintenanceModule {}
