import { PasswordHasher } from './password-hasher';

// Made on 2026-12-03 by the former `argon2` package (0.45.1, argon2id defaults) before it was
// replaced: accounts created then must still log in.
const LEGACY_HASH =
  '$argon2id$v=19$m=65536,p=4,t=3$QU07nKeO389yGw/jf/FLwA$1oSo6mu3sgU+QgesHmRiGrpuEbfeAqqYeADQycmhMGo';
const LEGACY_PASSWORD = 'correct horse battery staple 42';

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher();

  it('verifies a hash made by the former argon2 library', async () => {
    await expect(hasher.verify(LEGACY_HASH, LEGACY_PASSWORD)).resolves.toBe(true);
    await expect(hasher.verify(LEGACY_HASH, 'correct horse battery staple 43')).resolves.toBe(
      false,
    );
  });

  it('hashes with argon2id at the same cost and verifies its own hashes', async () => {
    const stored = await hasher.hash('Một mật khẩu dài 2026');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=65536,t=3,p=4\$/);
    await expect(hasher.verify(stored, 'Một mật khẩu dài 2026')).resolves.toBe(true);
    await expect(hasher.verify(stored, 'Một mật khẩu dài 2025')).resolves.toBe(false);
  });

  it('answers false, not an error, for a malformed stored hash', async () => {
    await expect(hasher.verify('not-a-phc-string', 'x')).resolves.toBe(false);
  });
});
