import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { IS_PUBLIC } from '../../src/common/public.decorator';
import { ROLES_METADATA, USERS_ONLY_METADATA } from '../../src/identity/auth/decorators';

export interface RouteInfo {
  method: string;
  path: string;
  /** 'public', or the roles that may call it ('*' = any authenticated caller); undefined = undeclared. */
  policy: 'public' | string[] | undefined;
  /** People only, never API keys. */
  usersOnly: boolean;
}

const join = (...parts: string[]) =>
  '/' +
  parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/');

/** Every route the application serves, read from Nest's controllers, with its declared access policy. */
export function discoverRoutes(app: INestApplication): RouteInfo[] {
  const discovery = app.get(DiscoveryService, { strict: false });
  const scanner = new MetadataScanner();
  const routes: RouteInfo[] = [];
  for (const wrapper of discovery.getControllers()) {
    const ctrl = wrapper.metatype as any;
    if (!ctrl?.prototype) continue;
    const base: string | string[] = Reflect.getMetadata(PATH_METADATA, ctrl) ?? '';
    for (const name of scanner.getAllMethodNames(ctrl.prototype)) {
      const handler = ctrl.prototype[name];
      const sub: string | string[] | undefined = Reflect.getMetadata(PATH_METADATA, handler);
      const method: RequestMethod | undefined = Reflect.getMetadata(METHOD_METADATA, handler);
      if (sub === undefined || method === undefined) continue;
      const isPublic =
        Reflect.getMetadata(IS_PUBLIC, handler) ?? Reflect.getMetadata(IS_PUBLIC, ctrl);
      const roles =
        Reflect.getMetadata(ROLES_METADATA, handler) ?? Reflect.getMetadata(ROLES_METADATA, ctrl);
      const usersOnly = !!(
        Reflect.getMetadata(USERS_ONLY_METADATA, handler) ??
        Reflect.getMetadata(USERS_ONLY_METADATA, ctrl)
      );
      for (const b of [base].flat()) {
        for (const s of [sub].flat()) {
          routes.push({
            method: RequestMethod[method],
            path: join(b, s),
            policy: isPublic ? 'public' : roles,
            usersOnly,
          });
        }
      }
    }
  }
  return routes;
}

const MOUNTED = new WeakMap<object, string[]>();

/** Records the routes Fastify mounts (call before `app.init()`); read with `mountedRoutes`. */
export function recordMountedRoutes(app: INestApplication): void {
  const routes: string[] = [];
  MOUNTED.set(app, routes);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRoute', (route: { method: string | string[]; url: string }) => {
      for (const m of [route.method].flat()) routes.push(`${m.toUpperCase()} ${route.url}`);
    });
}

/** The routes Fastify actually mounted (to prove discovery missed none). */
export function mountedRoutes(app: INestApplication): string[] {
  return (MOUNTED.get(app) ?? []).filter(
    (r) => !r.includes('*') && /^(GET|POST|PUT|PATCH|DELETE) /.test(r),
  );
}
