import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { ValidationProblem } from '../../common/problem';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { MailOutbox } from '../../mail/mail-outbox';
import { addressBucket, AbuseLimiter, HOUR_MS } from '../abuse/abuse-limiter';
import { AuthenticationService } from '../auth/authentication.service';
import { PasswordHasher } from '../auth/password-hasher';
import { checkTaxCode } from '../domain/tax-code';
import { PublicAccountsRepository } from '../persistence/public-accounts.repository';
import {
  PublicSignUpDto,
  PublicSignUpResponseDto,
  PublicVerifyDto,
  PublicVerifyResponseDto,
} from './public-account.dto';

/** Sign-ups naming one address per hour: stops using regcut to flood someone's mailbox. */
const SIGNUPS_PER_EMAIL_PER_HOUR = 3;

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Tài khoản góp ý công khai: anyone signs up with an e-mail address, proves it by a one-time link
 * (single use, expiring) and sets a password; from then on they log in at POST /auth/login like
 * everyone else, with the role `public`.
 */
@Injectable()
export class PublicAccountsService {
  private readonly logger = new Logger('PublicAccounts');

  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: PublicAccountsRepository,
    private readonly limiter: AbuseLimiter,
    private readonly mail: MailOutbox,
    private readonly hasher: PasswordHasher,
    private readonly auth: AuthenticationService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * POST /public/accounts. The same 202 whatever the address (no account discovery): a new or
   * still unverified account gets a fresh link; a verified account or a staff address gets none.
   */
  async signUp(dto: PublicSignUpDto, address: string): Promise<PublicSignUpResponseDto> {
    const limits = this.config.publicComments;
    const taxCode = dto.taxCode?.trim() ? checkTaxCode(dto.taxCode) : null;
    if (taxCode && !taxCode.ok) {
      throw new ValidationProblem([{ field: 'taxCode', message: taxCode.message }]);
    }
    const email = dto.email.trim().toLowerCase();
    const displayName = dto.displayName.trim();
    const organisation = dto.organisation?.trim() || null;
    // Counted outside the write: refused sign-ups use up the allowance too.
    await this.limiter.hit([
      {
        bucket: addressBucket('signup-address', address),
        limit: limits.signupsPerAddressPerHour,
        windowMs: HOUR_MS,
        message: 'abuse.signupsPerAddress',
      },
      {
        bucket: addressBucket('signup-email', email),
        limit: SIGNUPS_PER_EMAIL_PER_HOUR,
        windowMs: HOUR_MS,
        message: 'abuse.signupsPerEmail',
      },
    ]);
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + limits.verificationTtlHours * HOUR_MS);
    await this.dataSource.transaction(async (m) => {
      const existing = await this.repository.findByEmail(m, email);
      if (existing && (existing.role !== 'public' || existing.verified)) {
        this.logger.log({ msg: 'sign-up for an existing account ignored', userId: existing.id });
        return;
      }
      const userId = existing?.id ?? randomUUID();
      const details = { displayName, taxCode: taxCode?.ok ? taxCode.value : null, organisation };
      if (existing) await this.repository.updatePending(m, { id: userId, ...details });
      else await this.repository.createPending(m, { id: userId, email, ...details, at: now });
      const token = randomBytes(32).toString('base64url');
      const tokenId = randomUUID();
      await this.repository.issueToken(m, {
        id: tokenId,
        userId,
        tokenHash: digest(token),
        expiresAt,
        at: now,
      });
      const link = `${this.config.publicUrl}/gop-y/xac-minh?token=${token}`;
      await this.mail.enqueue(m, {
        key: `verify-email:${userId}:${tokenId}`,
        to: email,
        kind: 'email_verification',
        userId,
        subject: 'Xác minh địa chỉ e-mail để góp ý công khai',
        text: [
          `Xin chào ${displayName},`,
          '',
          'Bạn (hoặc ai đó) đã đăng ký tài khoản góp ý công khai về quy định kinh doanh với địa chỉ e-mail này.',
          `Để xác minh và đặt mật khẩu, mở liên kết sau (dùng một lần, hết hạn sau ${limits.verificationTtlHours} giờ):`,
          '',
          link,
          '',
          'Mã xác minh (nếu ứng dụng yêu cầu nhập):',
          token,
          '',
          'Nếu bạn không đăng ký, hãy bỏ qua thư này.',
        ].join('\n'),
      });
    });
    return { status: 'verification_sent', expiresInHours: limits.verificationTtlHours };
  }

  /** POST /public/accounts/verify: uses the link once, sets the password, and logs in. */
  async verify(dto: PublicVerifyDto): Promise<PublicVerifyResponseDto> {
    const passwordHash = await this.hasher.hash(dto.password);
    const now = this.clock.now();
    return this.dataSource.transaction(async (m) => {
      const userId = await this.repository.consumeToken(m, digest(dto.token.trim()), now);
      if (!userId) {
        throw new ValidationProblem([
          {
            field: 'token',
            message: 'this link is unknown, already used or expired; sign up again for a new one',
          },
        ]);
      }
      await this.repository.activate(m, userId, passwordHash, now);
      const profile = (await this.repository.profile(m, userId))!;
      const session = await this.auth.sessionFor(m, userId);
      return {
        ...session,
        profile: {
          taxCode: profile.taxCode,
          taxCodeVerified: false,
          organisation: profile.organisation,
          emailVerifiedAt: profile.emailVerifiedAt!.toISOString(),
        },
      };
    });
  }
}
