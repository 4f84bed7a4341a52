import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface LoginThrottleRow {
  failures: number;
  nextAllowedAt: Date | null;
  knownAddresses: string[];
}

/** The `login_throttle` rows (one per account key); every write is one atomic statement. */
@Injectable()
export class LoginThrottleRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(account: string): Promise<LoginThrottleRow | null> {
    const rows = await this.dataSource.query(
      `SELECT failures, next_allowed_at, known_addresses FROM login_throttle WHERE account = $1`,
      [account],
    );
    if (rows.length === 0) return null;
    return {
      failures: rows[0].failures,
      nextAllowedAt: rows[0].next_allowed_at ? new Date(rows[0].next_allowed_at) : null,
      knownAddresses: rows[0].known_addresses ?? [],
    };
  }

  /**
   * Takes the next delayed attempt: true when it was due, and pushes the next one `delayMs` later,
   * so that parallel guesses at the moment a delay ends get one attempt, not many.
   */
  async claimAttempt(account: string, now: Date, delayMs: number): Promise<boolean> {
    const [rows] = await this.dataSource.query(
      `UPDATE login_throttle SET next_allowed_at = $3
        WHERE account = $1 AND (next_allowed_at IS NULL OR next_allowed_at <= $2) RETURNING 1`,
      [account, now, new Date(now.getTime() + delayMs)],
    );
    return rows.length > 0;
  }

  /** One more failure; the count restarts when the previous failure is older than `resetMs`. */
  async recordFailure(account: string, now: Date, resetMs: number): Promise<number> {
    const [row] = await this.dataSource.query(
      `INSERT INTO login_throttle (account, failures, last_failure_at) VALUES ($1, 1, $2)
       ON CONFLICT (account) DO UPDATE SET
         failures = CASE WHEN login_throttle.last_failure_at < $3 THEN 1 ELSE login_throttle.failures + 1 END,
         last_failure_at = $2
       RETURNING failures`,
      [account, now, new Date(now.getTime() - resetMs)],
    );
    return row.failures;
  }

  async setNextAllowed(account: string, at: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE login_throttle SET next_allowed_at = $2 WHERE account = $1 AND (next_allowed_at IS NULL OR next_allowed_at < $2)`,
      [account, at],
    );
  }

  /** A successful login: failures forgotten, the address remembered (the last `keep` of them). */
  async recordSuccess(account: string, address: string, keep: number): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO login_throttle (account, known_addresses) VALUES ($1, ARRAY[$2::text])
       ON CONFLICT (account) DO UPDATE SET failures = 0, next_allowed_at = NULL,
         known_addresses = (array_prepend($2, array_remove(login_throttle.known_addresses, $2)))[1:$3::int]`,
      [account, address, keep],
    );
  }
}
