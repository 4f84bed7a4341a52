import { Principal } from '../../identity/domain/principal';
import { ROLES, Role } from '../../identity/domain/roles';
import { overdueScope, progressScope, requireScope } from './report-access';

const OWN = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';

const principal = (role: Role, agencyId = OWN, kind: Principal['kind'] = 'user'): Principal => ({
  kind,
  id: 'x',
  userId: kind === 'user' ? 'x' : null,
  role,
  agencyId,
  agencyKind: 'ministry',
  readOnly: kind === 'api_key',
});

describe('who sees which figures', () => {
  it('lets the Government Office and admins see the nation and every agency', () => {
    for (const role of ['gov_office', 'admin'] as Role[]) {
      expect(progressScope(principal(role))).toEqual({ allowed: true, agencyId: null });
      expect(progressScope(principal(role), OTHER)).toEqual({ allowed: true, agencyId: OTHER });
      expect(overdueScope(principal(role))).toEqual({ allowed: true, agencyId: null });
    }
  });

  it('lets a ministry see its own agency only, never the nation', () => {
    for (const role of ['ministry_officer', 'ministry_lead'] as Role[]) {
      expect(progressScope(principal(role), OWN)).toEqual({ allowed: true, agencyId: OWN });
      expect(progressScope(principal(role), OWN.toUpperCase())).toMatchObject({ allowed: true });
      expect(progressScope(principal(role), OTHER)).toMatchObject({ allowed: false });
      expect(progressScope(principal(role))).toMatchObject({ allowed: false });
      // The overdue list defaults to the ministry's own implementations.
      expect(overdueScope(principal(role))).toEqual({ allowed: true, agencyId: OWN });
      expect(overdueScope(principal(role), OTHER)).toMatchObject({ allowed: false });
    }
    // An API key acts for its agency as an officer at most: the same rule.
    const key = principal('ministry_officer', OWN, 'api_key');
    expect(progressScope(key, OWN)).toMatchObject({ allowed: true });
    expect(progressScope(key, OTHER)).toMatchObject({ allowed: false });
  });

  it('refuses everyone else, and the refusal is a 403 problem', () => {
    for (const role of ROLES.filter(
      (r) => !['gov_office', 'admin', 'ministry_officer', 'ministry_lead'].includes(r),
    )) {
      expect(progressScope(principal(role), OWN)).toMatchObject({ allowed: false });
      expect(overdueScope(principal(role))).toMatchObject({ allowed: false });
    }
    expect(progressScope(undefined)).toMatchObject({ allowed: false });
    expect(() => requireScope(progressScope(principal('expert'), OWN))).toThrow(
      expect.objectContaining({ status: 403 }),
    );
    expect(requireScope(progressScope(principal('gov_office')))).toBeNull();
  });
});
