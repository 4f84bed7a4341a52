import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PUBLIC_AGENCY_ID } from '../domain/roles';

export interface PublicProfileRow {
  userId: string;
  taxCode: string | null;
  organisation: string | null;
  emailVerifiedAt: Date | null;
}

/** Public commenters' accounts: app_user rows of the role `public`, their profile and link tokens. */
@Injectable()
export class PublicAccountsRepository {
  /** The account using this address (any role), locked until the transaction ends. */
  async findByEmail(
    m: EntityManager,
    email: string,
  ): Promise<{ id: string; role: string; active: boolean; verified: boolean } | null> {
    const [row] = await m.query(
      `SELECT u.id, u.role, u.active, p.email_verified_at
         FROM app_user u LEFT JOIN public_account p ON p.user_id = u.id
        WHERE lower(u.email) = lower($1) FOR UPDATE OF u`,
      [email],
    );
    return row
      ? { id: row.id, role: row.role, active: row.active, verified: !!row.email_verified_at }
      : null;
  }

  /** A new, inactive public user without a usable password (argon2 never verifies '!'). */
  async createPending(
    m: EntityManager,
    a: {
      id: string;
      email: string;
      displayName: string;
      taxCode: string | null;
      organisation: string | null;
      at: Date;
    },
  ): Promise<void> {
    await m.query(
      `INSERT INTO app_user (id, email, full_name, role, agency_id, password_hash, active)
       VALUES ($1, $2, $3, 'public', $4, '!', false)`,
      [a.id, a.email, a.displayName, PUBLIC_AGENCY_ID],
    );
    await m.query(
      `INSERT INTO public_account (user_id, tax_code, organisation, created_at) VALUES ($1, $2, $3, $4)`,
      [a.id, a.taxCode, a.organisation, a.at],
    );
  }

  /** A repeated sign-up before verification may correct the details. */
  async updatePending(
    m: EntityManager,
    a: { id: string; displayName: string; taxCode: string | null; organisation: string | null },
  ): Promise<void> {
    await m.query(`UPDATE app_user SET full_name = $2, updated_at = now() WHERE id = $1`, [
      a.id,
      a.displayName,
    ]);
    await m.query(`UPDATE public_account SET tax_code = $2, organisation = $3 WHERE user_id = $1`, [
      a.id,
      a.taxCode,
      a.organisation,
    ]);
  }

  /** A new link; earlier unused links of the account stop working. */
  async issueToken(
    m: EntityManager,
    t: { id: string; userId: string; tokenHash: string; expiresAt: Date; at: Date },
  ): Promise<void> {
    await m.query(
      `UPDATE public_account_token SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL`,
      [t.userId, t.at],
    );
    await m.query(
      `INSERT INTO public_account_token (id, user_id, token_hash, expires_at, created_at)
       VALUES ($1, $2, $3, $4, $5)`,
      [t.id, t.userId, t.tokenHash, t.expiresAt, t.at],
    );
  }

  /** Uses a link once: the user it was for, or null when unknown, used or expired. */
  async consumeToken(m: EntityManager, tokenHash: string, now: Date): Promise<string | null> {
    const [rows] = await m.query(
      `UPDATE public_account_token SET used_at = $2
        WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING user_id`,
      [tokenHash, now],
    );
    return rows[0]?.user_id ?? null;
  }

  /** Activates the account with its password; earlier tokens (none in practice) stop working. */
  async activate(m: EntityManager, userId: string, passwordHash: string, at: Date): Promise<void> {
    await m.query(
      `UPDATE app_user SET password_hash = $2, active = true, token_version = token_version + 1,
              updated_at = now()
        WHERE id = $1 AND role = 'public'`,
      [userId, passwordHash],
    );
    await m.query(
      `UPDATE public_account SET email_verified_at = COALESCE(email_verified_at, $2) WHERE user_id = $1`,
      [userId, at],
    );
  }

  async profile(m: EntityManager, userId: string): Promise<PublicProfileRow | null> {
    const [row] = await m.query(
      `SELECT user_id, tax_code, organisation, email_verified_at FROM public_account WHERE user_id = $1`,
      [userId],
    );
    return row
      ? {
          userId: row.user_id,
          taxCode: row.tax_code,
          organisation: row.organisation,
          emailVerifiedAt: row.email_verified_at ? new Date(row.email_verified_at) : null,
        }
      : null;
  }
}
