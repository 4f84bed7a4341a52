import { loadConfig } from '../../config/app-config';
import { TEST_PASSWORD } from '../../../test/support/factories';
import { DEMO_PASSWORD } from '../seed/demo-identities';
import { isCommonPassword } from '../../config/password-policy';

describe('common and breached passwords', () => {
  it('refuses the passwords attackers try first, case-insensitively', () => {
    for (const p of ['1234567890', 'password1234', 'Password1234', 'QWERTYUIOP', 'iloveyou123']) {
      expect(isCommonPassword(p)).toBe(true);
    }
  });

  it('accepts the demo and test passwords, which must not be on the list', () => {
    expect(isCommonPassword(DEMO_PASSWORD)).toBe(false);
    expect(isCommonPassword(TEST_PASSWORD)).toBe(false);
    expect(isCommonPassword('Thủ tục tự công bố 2026')).toBe(false);
  });

  it('refuses a common ADMIN_PASSWORD at start', () => {
    expect(() =>
      loadConfig({ ADMIN_EMAIL: 'root@regcut.local', ADMIN_PASSWORD: 'Password1234' }),
    ).toThrow('ADMIN_PASSWORD is a common or breached password; choose another');
    expect(
      loadConfig({ ADMIN_EMAIL: 'root@regcut.local', ADMIN_PASSWORD: DEMO_PASSWORD }),
    ).toMatchObject({
      adminPassword: DEMO_PASSWORD,
    });
  });
});
