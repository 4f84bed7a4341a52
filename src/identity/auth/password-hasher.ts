import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

export { MIN_PASSWORD_LENGTH } from './password-policy';

/** argon2id; its prebuilt binary ships inside the package, so no install script is needed. */
@Injectable()
export class PasswordHasher {
  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }
}
