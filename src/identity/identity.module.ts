import { LoginThrottleRepository } from './persistence/login-throttle.repository';
import { Global, Module } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { getStorageToken, ThrottlerModule, ThrottlerStorageService } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AdminAuditEntity } from './persistence/admin-audit.entity';
import { AgencyEntity } from './persistence/agency.entity';
import { ApiKeyEntity } from './persistence/api-key.entity';
import { UserEntity } from './persistence/user.entity';
import { AgenciesController } from './agencies/agencies.controller';
import { AgenciesService } from './agencies/agencies.service';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { AdminAuditController } from './audit/admin-audit.controller';
import { AdminAuditService } from './audit/admin-audit.service';
import { AccessGuard } from './auth/access.guard';
import { AuthController } from './auth/auth.controller';
import { AuthenticationService } from './auth/authentication.service';
import {
  AccountLoginDelay,
  addressTracker,
  LOGIN_WINDOW_MS,
  LoginThrottlerGuard,
  RedisThrottlerStorage,
} from './auth/login-throttling';
import { PasswordHasher } from './auth/password-hasher';
import { ExpertsController } from './experts/experts.controller';
import { ExpertsService } from './experts/experts.service';
import { ExpertDirectory } from './experts/expert-directory';
import { AgencyDirectory } from './agencies/agency-directory';
import { AccountRepository } from './persistence/account.repository';
import { PrincipalCache } from './auth/principal-cache';
import { PrincipalRepository } from './persistence/principal.repository';
import { MeController } from './me/me.controller';
import { ExpertsRepository } from './persistence/experts.repository';
import { IdentitySeeder } from './seed/identity-seeder';
import { UsersController } from './users/users.controller';
import { UserDirectory } from './users/user-directory';
import { UsersService } from './users/users.service';
import { AbuseLimiter } from './abuse/abuse-limiter';
import { AbuseCounterRepository } from './persistence/abuse-counter.repository';
import { PublicAccountsRepository } from './persistence/public-accounts.repository';
import { PublicAccountsController } from './public-accounts/public-accounts.controller';
import { PublicAccountsService } from './public-accounts/public-accounts.service';

/**
 * Agencies, users, login, API keys, the admin audit log, the route-level access guard, and the
 * public commenters' self-service accounts with their abuse limits.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([AgencyEntity, UserEntity, ApiKeyEntity, AdminAuditEntity]),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // A KeyObject: jsonwebtoken re-derives a string secret on every verify (~0.8 ms each).
        secret: createSecretKey(Buffer.from(config.jwtSecret ?? '')) as unknown as string,
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        throttlers: [
          {
            name: 'address',
            ttl: LOGIN_WINDOW_MS,
            limit: config.loginLimitPerAddress,
            getTracker: addressTracker,
          },
        ],
        storage: config.redisUrl
          ? new RedisThrottlerStorage(config.redisUrl, config.redisPrefix)
          : new ThrottlerStorageService(),
      }),
    }),
  ],
  controllers: [
    AuthController,
    MeController,
    ExpertsController,
    AgenciesController,
    UsersController,
    ApiKeysController,
    AdminAuditController,
    PublicAccountsController,
  ],
  providers: [
    PasswordHasher,
    ExpertsRepository,
    ExpertsService,
    ExpertDirectory,
    AgencyDirectory,
    AccountRepository,
    PrincipalRepository,
    PrincipalCache,
    AuthenticationService,
    AdminAuditService,
    AgenciesService,
    UsersService,
    UserDirectory,
    IdentitySeeder,
    LoginThrottlerGuard,
    LoginThrottleRepository,
    AccountLoginDelay,
    AbuseCounterRepository,
    AbuseLimiter,
    PublicAccountsRepository,
    PublicAccountsService,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [
    AuthenticationService,
    AdminAuditService,
    UsersService,
    UserDirectory,
    AgenciesService,
    PasswordHasher,
    IdentitySeeder,
    AbuseLimiter,
    ExpertDirectory,
    AgencyDirectory,
  ],
})
export class IdentityModule {}

export { getStorageToken };
