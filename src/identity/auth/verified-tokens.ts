/**
 * Access tokens whose signature was already checked, with their claims: every request of a
 * session carries the same token, and checking its HMAC each time (jsonwebtoken + jws) cost ~7 %
 * of an authenticated request's CPU. Keyed by the whole token string, so a token differing in any
 * byte is a miss and is verified. Expiry is still checked on every use (by the caller, on its
 * clock), and revocation stays with the principal cache (token version, active flags).
 */
export class VerifiedTokens<Claims extends { exp?: number }> {
  private readonly claims = new Map<string, Claims>();

  constructor(private readonly capacity = 10_000) {}

  /** The claims of a token verified before that has not expired at `nowSeconds`. */
  get(token: string, nowSeconds: number): Claims | undefined {
    const claims = this.claims.get(token);
    if (!claims) return undefined;
    if (typeof claims.exp !== 'number' || claims.exp <= nowSeconds) {
      this.claims.delete(token);
      return undefined;
    }
    return claims;
  }

  set(token: string, claims: Claims): void {
    // Oldest first out (a Map iterates in insertion order): bounded memory under many sessions.
    if (this.claims.size >= this.capacity) {
      const oldest = this.claims.keys().next();
      if (!oldest.done) this.claims.delete(oldest.value);
    }
    this.claims.set(token, claims);
  }

  get size(): number {
    return this.claims.size;
  }
}
