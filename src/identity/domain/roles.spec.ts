import { AGENCY_KINDS, roleFitsAgency, ROLES } from './roles';

describe('roleFitsAgency', () => {
  it('puts association users in associations and gov_office users in the Government Office only', () => {
    for (const kind of AGENCY_KINDS) {
      expect(roleFitsAgency('association', kind)).toBe(kind === 'association');
      expect(roleFitsAgency('gov_office', kind)).toBe(kind === 'government_office');
    }
  });

  it('keeps ministry roles out of associations and the Government Office', () => {
    for (const role of ['ministry_officer', 'ministry_lead'] as const) {
      expect(roleFitsAgency(role, 'ministry')).toBe(true);
      expect(roleFitsAgency(role, 'province')).toBe(true);
      expect(roleFitsAgency(role, 'association')).toBe(false);
      expect(roleFitsAgency(role, 'government_office')).toBe(false);
    }
  });

  it('gives every assignable role at least one kind of agency', () => {
    for (const role of ROLES) {
      // Public commenters sign themselves up into PUBLIC_AGENCY_ID; no admin assigns the role.
      const expected = role !== 'public';
      expect(AGENCY_KINDS.some((k) => roleFitsAgency(role, k))).toBe(expected);
    }
  });
});
