import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Principal } from '../domain/principal';
import { Role } from '../domain/roles';

export const ROLES_METADATA = 'regcut:roles';
export const ANY_ROLE = '*';

/** Only authenticated callers with one of these roles (record-level checks follow in services). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_METADATA, roles);

/** Any authenticated caller. */
export const AnyRole = () => SetMetadata(ROLES_METADATA, [ANY_ROLE]);

export const USERS_ONLY_METADATA = 'regcut:users-only';

/** Only people, never API keys (e.g. changing one's password). */
export const UsersOnly = () => SetMetadata(USERS_ONLY_METADATA, true);

/** The authenticated caller, or undefined on a public route called without credentials. */
export const CurrentPrincipal = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Principal | undefined =>
    ctx.switchToHttp().getRequest().principal,
);
