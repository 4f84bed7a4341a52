import { VerifiedTokens } from './verified-tokens';
import { Inject, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { ProblemException } from '../../common/problem';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { Principal } from '../domain/principal';
import { AgencyKind, Role } from '../domain/roles';
import { AccountLoginDelay } from './login-throttling';
import { PasswordHasher } from './password-hasher';
import { PrincipalCache } from './principal-cache';
import { isUuid } from '../../common/ids';
import { AccountRepository } from '../persistence/account.repository';

interface TokenClaims {
  sub: string;
  /** The user's token version when the token was issued. */
  ver: number;
  iat?: number;
  exp?: number;
}

export interface LoginResult {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  user: { id: string; email: string; fullName: string; role: Role; agencyId: string };
}

const unauthorized = (detail: string) => new ProblemException(401, 'unauthorized', detail);
const API_KEY_PATTERN = /^rck_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

/** Who is calling: passwords → tokens, tokens and API keys → principals. */
@Injectable()
export class AuthenticationService {
  private readonly logger = new Logger('Authentication');
  // Verified against when the account does not exist, so timing does not reveal which emails exist.
  private dummyHash?: Promise<string>;
  private readonly verifiedTokens = new VerifiedTokens<TokenClaims>();

  constructor(
    private readonly jwt: JwtService,
    private readonly accounts: AccountRepository,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
    private readonly principals: PrincipalCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly loginDelay: AccountLoginDelay,
  ) {}

  async login(email: string, password: string, address: string): Promise<LoginResult> {
    await this.loginDelay.beforeAttempt(email, address);
    const user = await this.accounts.loginCandidate(email);
    this.dummyHash ??= this.hasher.hash(randomBytes(16).toString('hex'));
    const ok = user
      ? await this.hasher.verify(user.password_hash, password)
      : (await this.hasher.verify(await this.dummyHash, password), false);
    if (!ok || !user.active || !user.agency_active) {
      this.logger.warn({
        msg: 'login refused',
        email: email.slice(0, 254),
        address,
        reason: !user ? 'unknown account' : !ok ? 'wrong password' : 'inactive',
      });
      if (!ok) await this.loginDelay.failed(email);
      throw unauthorized('Invalid email or password.');
    }
    await this.loginDelay.succeeded(email, address);
    return this.session(user);
  }

  /**
   * The login answer for a user who proved who they are another way (a public commenter's
   * e-mail verification): the same token as `POST /auth/login` gives.
   */
  async sessionFor(manager: EntityManager, userId: string): Promise<LoginResult> {
    return this.session(await this.accounts.sessionUser(manager, userId));
  }

  private async session(user: {
    id: string;
    email: string;
    full_name: string;
    role: Role;
    agency_id: string;
    token_version: number;
  }): Promise<LoginResult> {
    return {
      accessToken: await this.jwt.signAsync(
        // iat from the service's clock, so expiry follows the same clock as verification.
        {
          sub: user.id,
          ver: user.token_version,
          iat: Math.floor(this.clock.now().getTime() / 1000),
        },
        {
          expiresIn: this.config.jwtTtlSeconds,
        },
      ),
      tokenType: 'Bearer',
      expiresIn: this.config.jwtTtlSeconds,
      user: {
        id: user.id,
        email: user.email,
        fullName: user.full_name,
        role: user.role,
        agencyId: user.agency_id,
      },
    };
  }

  async principalFromToken(token: string): Promise<Principal> {
    const nowSeconds = Math.floor(this.clock.now().getTime() / 1000);
    let claims = this.verifiedTokens.get(token, nowSeconds);
    if (!claims) {
      try {
        claims = await this.jwt.verifyAsync<TokenClaims>(token, { clockTimestamp: nowSeconds });
      } catch {
        throw unauthorized('The access token is invalid or has expired.');
      }
      this.verifiedTokens.set(token, claims);
    }
    // Signed is not enough: a token must expire, and within the configured lifetime.
    if (
      typeof claims.exp !== 'number' ||
      typeof claims.iat !== 'number' ||
      claims.exp - claims.iat > this.config.jwtTtlSeconds
    ) {
      throw unauthorized(
        `The access token must expire within ${this.config.jwtTtlSeconds} seconds of its issue; log in again.`,
      );
    }
    const u =
      typeof claims.sub === 'string' && isUuid(claims.sub)
        ? await this.principals.get(claims.sub)
        : undefined;
    if (!u || !u.active || !u.agencyActive || u.tokenVersion !== claims.ver) {
      throw unauthorized('The access token is no longer valid; log in again.');
    }
    return {
      kind: 'user',
      id: u.id,
      userId: u.id,
      role: u.role,
      agencyId: u.agencyId,
      agencyKind: u.agencyKind,
      readOnly: false,
    };
  }

  async principalFromApiKey(key: string): Promise<Principal> {
    const m = API_KEY_PATTERN.exec(key);
    if (!m) throw unauthorized('The API key is invalid.');
    const k = await this.accounts.apiKeyByPrefix(m[1]);
    const given = Buffer.from(hashSecret(m[2]), 'hex');
    const stored = Buffer.from(k?.secret_hash ?? '00'.repeat(32), 'hex');
    if (!k || !timingSafeEqual(given, stored) || k.revoked_at || !k.agency_active) {
      throw unauthorized('The API key is invalid or has been revoked.');
    }
    const now = this.clock.now();
    // Recorded at most once a minute, so reads through a key do not each cost a write.
    if (!k.last_used_at || now.getTime() - new Date(k.last_used_at).getTime() > 60_000) {
      void this.accounts.touchApiKey(k.id, now).catch(() => undefined);
    }
    return {
      kind: 'api_key',
      id: k.id,
      userId: null,
      role: apiKeyRole(k.agency_kind, k.access),
      agencyId: k.agency_id,
      agencyKind: k.agency_kind,
      readOnly: k.access === 'read',
    };
  }
}

/** An API key acts for its agency: read-only, or as a ministry officer at most. */
export function apiKeyRole(kind: AgencyKind, _access: 'read' | 'write'): Role {
  if (kind === 'government_office') return 'gov_office';
  if (kind === 'association') return 'association';
  return 'ministry_officer';
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function generateApiKey(): { prefix: string; secret: string; key: string } {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(12);
  const prefix = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
  const secret = randomBytes(32).toString('base64url');
  return { prefix, secret, key: `rck_${prefix}_${secret}` };
}

export { UnauthorizedException };
