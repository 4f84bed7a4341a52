/**
 * When to try a delivery again after a failed attempt (a non-2xx answer, a timeout, a refused
 * target). The Standard Webhooks schedule: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h after the
 * previous attempt — 8 attempts over 27 h 35 min, then the delivery is `failed`.
 */
export const RETRY_DELAYS_MS: readonly number[] = [
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  10 * 3_600_000,
];

export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** After `attempts` failed attempts: when to try next, or null when the delivery has failed. */
export function nextAttemptAt(attempts: number, failedAt: Date): Date | null {
  if (attempts < 1 || attempts >= MAX_ATTEMPTS) return null;
  return new Date(failedAt.getTime() + RETRY_DELAYS_MS[attempts - 1]);
}

/** Whether a subscription failing without a success since `failingSince` should be disabled. */
export function shouldDisable(failingSince: Date | null, now: Date, disableAfterMs: number) {
  return failingSince !== null && now.getTime() - failingSince.getTime() >= disableAfterMs;
}
