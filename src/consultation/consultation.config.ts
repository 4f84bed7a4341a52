/** Limits of the consultation feature (one place to change them). */

/** Largest attachment accepted: 10 MiB; larger uploads are cut off while streaming (413). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** Attachments one feedback item may carry. */
export const MAX_ATTACHMENTS_PER_ITEM = 10;

/** "Round closing in N days": the reminder event is written this long before a deadline. */
export const ROUND_REMINDER_DAYS = 3;
