import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';
import { CaseScopeService } from './case-scope';
import { LoginThrottleRepository } from './login-throttle.repository';
import { LoginThrottleService } from './login-throttle.service';

@Global()
@Module({
  controllers: [AuthController],
  providers: [AuthRepository, AuthService, CaseScopeService, LoginThrottleRepository, LoginThrottleService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService, CaseScopeService],
})
export class AuthModule {}
