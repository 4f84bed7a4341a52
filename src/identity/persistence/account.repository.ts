import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** Users' and API keys' credentials (app_user, api_key): logins, key checks, password changes. */
@Injectable()
export class AccountRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The user a login names (email, case-insensitive) with their agency's status, as stored. */
  async loginCandidate(email: string): Promise<any> {
    const rows = await this.dataSource.query(
      `SELECT u.id, u.email, u.full_name, u.role, u.agency_id, u.password_hash, u.active, u.token_version,
              a.active AS agency_active
         FROM app_user u JOIN agency a ON a.id = u.agency_id
        WHERE lower(u.email) = lower($1)`,
      [email],
    );
    return rows[0];
  }

  /** The API key with this prefix and its agency's kind and status, as stored. */
  async apiKeyByPrefix(prefix: string): Promise<any> {
    const rows = await this.dataSource.query(
      `SELECT k.id, k.secret_hash, k.access, k.agency_id, k.revoked_at, k.last_used_at,
              a.kind AS agency_kind, a.active AS agency_active
         FROM api_key k JOIN agency a ON a.id = k.agency_id WHERE k.prefix = $1`,
      [prefix],
    );
    return rows[0];
  }

  async touchApiKey(id: string, at: Date): Promise<void> {
    await this.dataSource.query(`UPDATE api_key SET last_used_at = $2 WHERE id = $1`, [id, at]);
  }

  /** An API key's name and access, for `GET /me`. */
  async apiKeyProfile(id: string): Promise<{ name: string; access: string } | undefined> {
    const [k] = await this.dataSource.query(`SELECT name, access FROM api_key WHERE id = $1`, [id]);
    return k;
  }

  /** The facts a session token is made from. */
  async sessionUser(m: EntityManager, userId: string): Promise<any> {
    const [user] = await m.query(
      `SELECT id, email, full_name, role, agency_id, token_version FROM app_user WHERE id = $1`,
      [userId],
    );
    return user;
  }

  async emailTaken(m: EntityManager, email: string): Promise<boolean> {
    const rows = await m.query(`SELECT 1 FROM app_user WHERE lower(email) = lower($1)`, [email]);
    return rows.length > 0;
  }

  /** The user's password hash, locking the row until the transaction ends. */
  async lockPasswordHash(m: EntityManager, userId: string): Promise<string | undefined> {
    const [row] = await m.query(`SELECT password_hash FROM app_user WHERE id = $1 FOR UPDATE`, [
      userId,
    ]);
    return row?.password_hash;
  }

  /** A new password hash; the token version moves on, so every earlier token is revoked. */
  async setPassword(m: EntityManager, userId: string, hash: string): Promise<void> {
    await m.query(
      `UPDATE app_user SET password_hash = $2, token_version = token_version + 1, updated_at = now() WHERE id = $1`,
      [userId, hash],
    );
  }

  async agencyCodeTaken(m: EntityManager, code: string): Promise<boolean> {
    const rows = await m.query(`SELECT 1 FROM agency WHERE upper(code) = upper($1)`, [code]);
    return rows.length > 0;
  }

  /** Every agency's code by id. */
  async agencyCodes(): Promise<Map<string, string>> {
    const rows: Array<{ id: string; code: string }> = await this.dataSource.query(
      `SELECT id, code FROM agency`,
    );
    return new Map(rows.map((a) => [a.id, a.code]));
  }
}
