import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest as Request } from 'fastify';
import { ProblemException } from '../../common/problem';
import { IS_PUBLIC } from '../../common/public.decorator';
import { Principal } from '../domain/principal';
import { Role } from '../domain/roles';
import { AuthenticationService } from './authentication.service';
import { ANY_ROLE, ROLES_METADATA, USERS_ONLY_METADATA } from './decorators';
import { msg } from '../../common/i18n/catalogue';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The route-level half of authorization (the record-level half is AccessPolicy in services).
 * Every route must declare @Public(), @AnyRole() or @Roles(…); an undeclared route is refused.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('AccessGuard');

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthenticationService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false;
    const roles = this.reflector.getAllAndOverride<string[]>(ROLES_METADATA, targets);

    req.principal = await this.authenticate(req);
    if (isPublic) return true;
    if (!roles) {
      this.logger.error(`route ${req.method} ${req.routeOptions?.url} declares no access policy`);
      throw new ProblemException(403, 'forbidden', msg('auth.noPolicy'));
    }
    const principal = req.principal;
    if (!principal) throw new ProblemException(401, 'unauthorized', msg('auth.required'));
    // "Any role" means the programme's roles; a public commenter must be named (AnyRole docs).
    const anyRole = roles.includes(ANY_ROLE) && principal.role !== 'public';
    if (!anyRole && !roles.includes(principal.role as Role)) {
      throw new ProblemException(
        403,
        'forbidden',
        msg('auth.roleForbidden', { role: principal.role }),
      );
    }
    if (
      principal.kind !== 'user' &&
      this.reflector.getAllAndOverride<boolean>(USERS_ONLY_METADATA, targets)
    ) {
      throw new ProblemException(403, 'forbidden', msg('auth.userOnly'));
    }
    if (principal.readOnly && !READ_METHODS.has(req.method)) {
      throw new ProblemException(403, 'forbidden', msg('auth.keyReadOnly'));
    }
    return true;
  }

  private async authenticate(req: Request): Promise<Principal | undefined> {
    const header = req.headers.authorization;
    const apiKey = req.headers['x-api-key'];
    if (header) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      if (!m) throw new ProblemException(401, 'unauthorized', msg('auth.bearer'));
      return this.auth.principalFromToken(m[1]);
    }
    if (typeof apiKey === 'string' && apiKey) return this.auth.principalFromApiKey(apiKey);
    return undefined;
  }
}
