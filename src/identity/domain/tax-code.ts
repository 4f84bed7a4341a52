/**
 * Mã số thuế (tax identification number) of a business: 10 digits, or 10 digits, a hyphen and 3
 * digits for a dependent unit (branch, chi nhánh). The 10th digit is a check digit over the first
 * nine (weights 31, 29, 23, 19, 17, 13, 7, 5, 3; check = 10 − sum mod 11, and a result of 10 is
 * never issued). A valid form is not a verified registration: regcut shows it as unverified.
 */
const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];
const FORM = /^(\d{10})(?:-(\d{3}))?$/;

export type TaxCodeCheck = { ok: true; value: string } | { ok: false; message: string };

export function checkTaxCode(raw: string): TaxCodeCheck {
  const value = raw.trim();
  const m = FORM.exec(value);
  if (!m) {
    return {
      ok: false,
      message:
        'must be 10 digits, or 10 digits, "-" and 3 digits for a branch (e.g. 0101248141-001)',
    };
  }
  if (m[2] === '000') return { ok: false, message: 'a branch suffix runs from 001 to 999' };
  const digits = [...m[1]].map(Number);
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * digits[i], 0);
  const check = 10 - (sum % 11);
  if (check === 10 || check !== digits[9]) {
    return { ok: false, message: 'the check digit (the 10th) does not match the first nine' };
  }
  return { ok: true, value };
}
