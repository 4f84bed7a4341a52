import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Principal } from '../domain/principal';
import { Role } from '../domain/roles';

export const ROLES_METADATA = 'regcut:roles';
export const ANY_ROLE = '*';

/** Only authenticated callers with one of these roles (record-level checks follow in services). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_METADATA, roles);

/** Also the self-registered public commenters (role `public`), who AnyRole() leaves out. */
export const PUBLIC_USERS = 'public';

/**
 * Any authenticated caller of the programme's roles. Public commenters only where the route says
 * so (`{ publicUsers: true }`): a new "any" route stays closed to self-registered accounts.
 */
export const AnyRole = (options: { publicUsers?: boolean } = {}) =>
  SetMetadata(ROLES_METADATA, options.publicUsers ? [ANY_ROLE, PUBLIC_USERS] : [ANY_ROLE]);

export const USERS_ONLY_METADATA = 'regcut:users-only';

/** Only people, never API keys (e.g. changing one's password). */
export const UsersOnly = () => SetMetadata(USERS_ONLY_METADATA, true);

/** The authenticated caller, or undefined on a public route called without credentials. */
export const CurrentPrincipal = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Principal | undefined =>
    ctx.switchToHttp().getRequest().principal,
);
