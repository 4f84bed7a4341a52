import { INestApplication } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { ApiSecurity } from '@nestjs/swagger';
// API_SECURITY of @nestjs/swagger (its constants are not an exported subpath).
const API_SECURITY = 'swagger/apiSecurity';
import { IS_PUBLIC } from '../../common/public.decorator';
import { ROLES_METADATA, USERS_ONLY_METADATA } from './decorators';

export const API_KEY_SCHEME = 'api-key';

/**
 * Documents the `api-key` scheme (X-Api-Key) on exactly the routes the AccessGuard lets an API
 * key through: those with @Roles/@AnyRole that are not @UsersOnly. Read from the same metadata
 * the guard reads, so the document cannot disagree with it. Public routes get the anonymous
 * requirement `{}`. Idempotent.
 */
export function documentApiKeyRoutes(app: INestApplication): void {
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
      if (!controller) continue;
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        const meta = (key: string) =>
          Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller);
        const schemes: Array<Record<string, unknown>> =
          Reflect.getMetadata(API_SECURITY, handler) ?? [];
        const own: Array<Record<string, unknown>> =
          Reflect.getMetadata(API_SECURITY, controller) ?? [];
        if (meta(IS_PUBLIC)) {
          // Anyone may call it; credentials, when sent, only widen what it shows.
          if (!schemes.some((s) => Object.keys(s).length === 0))
            Reflect.defineMetadata(API_SECURITY, [...schemes, {}], handler);
          continue;
        }
        if (!meta(ROLES_METADATA) || meta(USERS_ONLY_METADATA)) continue;
        if ([...schemes, ...own].some((s) => API_KEY_SCHEME in s)) continue;
        ApiSecurity(API_KEY_SCHEME)(proto, name, { value: handler } as PropertyDescriptor);
      }
    }
  }
}
