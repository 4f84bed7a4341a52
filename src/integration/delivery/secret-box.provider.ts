import { Provider } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { SecretBox } from '../domain/secret-box';

export const SECRET_BOX = Symbol('SECRET_BOX');

/** JWT_SECRET is required with Postgres and generated (kept in DATA_DIR) in the embedded mode. */
export const secretBoxProvider: Provider = {
  provide: SECRET_BOX,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => new SecretBox(config.jwtSecret ?? ''),
};
