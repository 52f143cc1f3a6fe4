import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { RateLimitGuard } from '../../infra/throttle/rate-limit.guard';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../../infra/config/app-config';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { BusinessModule } from '../business/business.module';
import { UsersModule } from '../users/users.module';
import { AccountController } from './account.controller';
import { AccountLinks } from './account-links.service';
import { AccountMailer } from './account-mailer.service';
import { AccountService } from './account.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { RefreshToken } from './entities/refresh-token.entity';
import { AuthGuard } from './guards/auth.guard';
import { AccountThrottleGuard } from './guards/account-throttle.guard';
import { LoginThrottleGuard } from './guards/login-throttle.guard';
import { RolesGuard } from './guards/roles.guard';
import { PasswordHasher } from './password.hasher';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { TokenService } from './token.service';

import { SessionRevocationListener } from './member-removal.listener';
import { PurgeExpiredRefreshTokensJob } from './purge-expired-refresh-tokens.job';
@Module({
  imports: [
    TypeOrmModule.forFeature([RefreshToken]),
    JwtModule.registerAsync({
      inject: [ConfigService],
      // A KeyObject, not a string: jsonwebtoken would otherwise try to parse the
      // string as a PEM public key on every verify before treating it as a secret.
      useFactory: (config: AppConfig) => ({
        secret: createSecretKey(Buffer.from(config.get('JWT_SECRET', { infer: true })!, 'utf8')) as unknown as string,
      }),
    }),
    UsersModule,
    BusinessModule,
    ApiKeysModule,
  ],
  controllers: [AuthController, AccountController],
  providers: [
    PurgeExpiredRefreshTokensJob,
    SessionRevocationListener,
    AuthService,
    TokenService,
    PasswordHasher,
    RefreshTokensRepository,
    LoginThrottleGuard,
    AccountService,
    AccountLinks,
    AccountMailer,
    AccountThrottleGuard,
    // Order matters: rate limit, then who is calling, then may they.
    { provide: APP_GUARD, useClass: RateLimitGuard },
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [RefreshTokensRepository, PasswordHasher],
})
export class AuthModule {}
