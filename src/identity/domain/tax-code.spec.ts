import { checkTaxCode } from './tax-code';

describe('checkTaxCode (mã số thuế)', () => {
  it('accepts real 10-digit codes and branch codes', () => {
    expect(checkTaxCode('0300588569')).toEqual({ ok: true, value: '0300588569' }); // Vinamilk
    expect(checkTaxCode(' 0101248141 ')).toEqual({ ok: true, value: '0101248141' }); // FPT
    expect(checkTaxCode('0101248141-001')).toEqual({ ok: true, value: '0101248141-001' });
  });

  it('refuses a wrong check digit, a wrong form and the 000 branch', () => {
    expect(checkTaxCode('0300588568')).toMatchObject({ ok: false, message: /check digit/ });
    expect(checkTaxCode('030058856')).toMatchObject({ ok: false, message: /10 digits/ });
    expect(checkTaxCode('0300588569-01')).toMatchObject({ ok: false });
    expect(checkTaxCode('03005885690001')).toMatchObject({ ok: false });
    expect(checkTaxCode('0101248141-000')).toMatchObject({ ok: false, message: /001/ });
  });

  it('refuses codes whose check would be 10 (never issued)', () => {
    // All zeros: sum 0 → check 10.
    expect(checkTaxCode('0000000000')).toMatchObject({ ok: false });
  });
});
