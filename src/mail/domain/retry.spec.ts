import { MAIL_MAX_ATTEMPTS, messageIdOf, nextMailAttemptAt } from './retry';

describe('mail retries', () => {
  const at = new Date('2026-01-05T02:00:00Z');

  it('backs off and gives up after the cap', () => {
    expect(nextMailAttemptAt(1, at)?.getTime()).toBe(at.getTime() + 60_000);
    expect(nextMailAttemptAt(2, at)?.getTime()).toBe(at.getTime() + 5 * 60_000);
    expect(nextMailAttemptAt(MAIL_MAX_ATTEMPTS - 1, at)).not.toBeNull();
    expect(nextMailAttemptAt(MAIL_MAX_ATTEMPTS, at)).toBeNull();
  });

  it('derives the Message-ID from the row and the sender domain', () => {
    expect(messageIdOf('abc', 'regcut <no-reply@bo.gov.vn>')).toBe('<mail-abc@bo.gov.vn>');
    expect(messageIdOf('abc', 'no-reply@localhost')).toBe('<mail-abc@localhost>');
  });
});
