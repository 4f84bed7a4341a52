import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed logins per account, for a growing delay instead of a lock-out: after the allowance, each
 * attempt from an address the account never logged in from waits longer (1 s, 2 s, 4 s … up to
 * 15 minutes). `known_addresses` holds SHA-256 digests of the last addresses of successful logins,
 * which are never delayed. Keyed by the lower-cased email, also for unknown accounts.
 */
export class LoginThrottle1796294269421 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE login_throttle (
        account text PRIMARY KEY,
        failures integer NOT NULL DEFAULT 0,
        last_failure_at timestamptz,
        next_allowed_at timestamptz,
        known_addresses text[] NOT NULL DEFAULT '{}'
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_throttle`);
  }
}
