/**
 * Which passwords are refused beyond the length rule: the common and breached ones (NIST SP
 * 800-63B §5.1.1.2: compare against a list of values known to be commonly used or compromised).
 * The list is the one zxcvbn-ts ships (~49,000 passwords from public breach corpora), compared
 * case-insensitively, so "Password1234" is refused like "password1234". Pure. In config/ because
 * config checks ADMIN_PASSWORD with it and must not import identity; identity's DTOs use it here.
 */
import { dictionary } from '@zxcvbn-ts/language-common';
import { registerDecorator, ValidationOptions } from 'class-validator';

export const MIN_PASSWORD_LENGTH = 10;

let common: ReadonlySet<string> | undefined;

/** The list, lower-cased, built on first use (a few milliseconds). */
function commonPasswords(): ReadonlySet<string> {
  return (common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase())));
}

export const COMMON_PASSWORD_MESSAGE =
  'is a common or breached password (on a list of passwords attackers try first); choose another';

/** True when the password is on the list (case-insensitive, ignoring surrounding spaces). */
export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.trim().toLowerCase());
}

/**
 * class-validator: refuses a common or breached password, naming the property. A password under
 * the minimum length is left to the length rule (one error, not two).
 */
export function IsNotCommonPassword(options: ValidationOptions = {}) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isNotCommonPassword',
      target: target.constructor,
      propertyName,
      options: { message: COMMON_PASSWORD_MESSAGE, ...options },
      validator: {
        validate: (value: unknown) =>
          typeof value !== 'string' ||
          value.length < MIN_PASSWORD_LENGTH ||
          !isCommonPassword(value),
      },
    });
}
