import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';

export { MIN_PASSWORD_LENGTH } from '../../config/password-policy';

// `Algorithm` is a `const enum` in @node-rs/argon2's types (empty at run time, not inlined by swc).
const ARGON2ID = 2;

/**
 * argon2id through @node-rs/argon2: a prebuilt N-API binary, no install script, no compile at
 * `npm ci`. The cost parameters are those the former `argon2` package used (m=64 MiB, t=3, p=4), so
 * new hashes are as strong as the stored ones, and both libraries read the same PHC strings.
 */
@Injectable()
export class PasswordHasher {
  hash(password: string): Promise<string> {
    return hash(password, { algorithm: ARGON2ID, memoryCost: 65_536, timeCost: 3, parallelism: 4 });
  }

  async verify(stored: string, password: string): Promise<boolean> {
    try {
      return await verify(stored, password);
    } catch {
      return false;
    }
  }
}
