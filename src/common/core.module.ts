import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { TransactionRunner } from '../database/transaction-runner';
import { Clock, SystemClock } from './clock';

/** Configuration, the clock and the transaction runner: available to every module. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: Clock, useClass: SystemClock },
        TransactionRunner,
      ],
      exports: [APP_CONFIG, Clock, TransactionRunner],
    };
  }
}
