/**
 * When to try a mail again after a failed attempt (relay down, refused, timed out): 1 min, 5 min,
 * 30 min, 2 h, 6 h after the previous attempt — 6 attempts over about 9 hours, then `failed`.
 */
export const MAIL_RETRY_DELAYS_MS: readonly number[] = [
  60_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  6 * 3_600_000,
];

export const MAIL_MAX_ATTEMPTS = MAIL_RETRY_DELAYS_MS.length + 1;

/** After `attempts` failed attempts: when to try next, or null when the mail has failed. */
export function nextMailAttemptAt(attempts: number, failedAt: Date): Date | null {
  if (attempts < 1 || attempts >= MAIL_MAX_ATTEMPTS) return null;
  return new Date(failedAt.getTime() + MAIL_RETRY_DELAYS_MS[attempts - 1]);
}

/** The Message-ID of a mail row: the same on every attempt, so a resend is recognisable. */
export function messageIdOf(rowId: string, from: string): string {
  const address = /<([^<>]+)>/.exec(from)?.[1] ?? from;
  const domain = address.includes('@') ? address.split('@').pop()! : 'regcut';
  return `<mail-${rowId}@${domain.trim()}>`;
}
