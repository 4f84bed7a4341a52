import { Principal } from '../identity/domain/principal';
import { Role, ROLES } from '../identity/domain/roles';
import { AccessPolicy, RegulationAccessFacts } from './access-policy';

const OWN = 'agency-own';
const OTHER = 'agency-other';
const principal = (role: Role, agencyId = OWN, readOnly = false): Principal => ({
  kind: 'user',
  id: 'u',
  userId: 'u',
  role,
  agencyId,
  agencyKind: 'ministry',
  readOnly,
});
const reg = (published: boolean, planPublic: boolean, agencyId = OWN): RegulationAccessFacts => ({
  agencyId,
  published,
  planPublic,
});

describe('AccessPolicy for regulations (domain.md §2)', () => {
  const draft = reg(false, false);
  const published = reg(true, false);
  const consulted = reg(true, true);

  it('hides a draft from everyone but its agency, the Government Office and admins (404)', () => {
    expect(AccessPolicy.readRegulation(undefined, draft)).toMatchObject({
      allowed: false,
      status: 404,
    });
    for (const role of ROLES) {
      const own = AccessPolicy.readRegulation(principal(role), draft).allowed;
      const foreign = AccessPolicy.readRegulation(principal(role, OTHER), draft).allowed;
      const everything = role === 'gov_office' || role === 'admin';
      expect(foreign).toBe(everything);
      expect(own).toBe(everything || role === 'ministry_officer' || role === 'ministry_lead');
    }
  });

  it('shows published register fields to the public and every role', () => {
    expect(AccessPolicy.readRegulation(undefined, published).allowed).toBe(true);
    for (const role of ROLES)
      expect(AccessPolicy.readRegulation(principal(role, OTHER), published).allowed).toBe(true);
  });

  it('shows plan and costs to others only once consultation opened; 403 before, 404 for drafts', () => {
    expect(AccessPolicy.readPlanAndCosts(undefined, published)).toMatchObject({
      allowed: false,
      status: 403,
    });
    expect(AccessPolicy.readPlanAndCosts(undefined, consulted).allowed).toBe(true);
    expect(AccessPolicy.readPlanAndCosts(principal('association', OTHER), draft)).toMatchObject({
      status: 404,
    });
    expect(AccessPolicy.readPlanAndCosts(principal('ministry_officer'), published).allowed).toBe(
      true,
    );
    expect(AccessPolicy.readPlanAndCosts(principal('gov_office', OTHER), published).allowed).toBe(
      true,
    );
  });

  it('never shows internals to other agencies, associations, experts or the public', () => {
    for (const role of ROLES) {
      const d = AccessPolicy.readRegulationInternals(principal(role, OTHER), consulted);
      expect(d.allowed).toBe(role === 'gov_office' || role === 'admin');
    }
    expect(AccessPolicy.readRegulationInternals(undefined, consulted)).toMatchObject({
      status: 403,
    });
  });

  it('lets only the owning agency write, never another agency, never a read-only key', () => {
    for (const role of ROLES) {
      expect(AccessPolicy.writeRegulation(principal(role), published).allowed).toBe(
        role === 'ministry_officer' || role === 'ministry_lead',
      );
      expect(AccessPolicy.writeRegulation(principal(role, OTHER), published)).toMatchObject({
        allowed: false,
        status: 403,
      });
      expect(AccessPolicy.writeRegulation(principal(role, OTHER), draft)).toMatchObject({
        allowed: false,
        status: role === 'gov_office' || role === 'admin' ? 403 : 404,
      });
    }
    expect(
      AccessPolicy.writeRegulation(principal('ministry_officer', OWN, true), published).allowed,
    ).toBe(false);
    expect(AccessPolicy.writeRegulation(undefined, published)).toMatchObject({ status: 403 });
  });

  it('shows feedback to its author, the owning agency and the Government Office; to all once published', () => {
    const mine = { authorId: 'u', published: false };
    const theirs = { authorId: 'someone-else', published: false };
    const published = { authorId: 'someone-else', published: true };
    for (const role of ROLES) {
      const own = AccessPolicy.readFeedback(principal(role), consulted, theirs).allowed;
      const foreign = AccessPolicy.readFeedback(principal(role, OTHER), consulted, theirs);
      const everything = role === 'gov_office' || role === 'admin';
      expect(own).toBe(everything || role === 'ministry_officer' || role === 'ministry_lead');
      expect(foreign.allowed).toBe(everything);
      if (!foreign.allowed) expect(foreign).toMatchObject({ status: 404 });
      expect(AccessPolicy.readFeedback(principal(role, OTHER), consulted, mine).allowed).toBe(true);
      expect(AccessPolicy.readFeedback(principal(role, OTHER), consulted, published).allowed).toBe(
        true,
      );
    }
    expect(AccessPolicy.readFeedback(undefined, consulted, theirs)).toMatchObject({ status: 404 });
    expect(AccessPolicy.readFeedback(undefined, consulted, published).allowed).toBe(true);
    // An API key is never the author of an item, even with the same id.
    const key: Principal = {
      ...principal('ministry_officer', OTHER),
      kind: 'api_key',
      userId: null,
    };
    expect(
      AccessPolicy.readFeedback(key, consulted, { authorId: 'u', published: false }),
    ).toMatchObject({ status: 404 });
  });

  it('keeps a hidden public comment for its author, the owning agency and the Government Office', () => {
    const hiddenItem = { authorId: 'author', published: true, hidden: true };
    const author: Principal = { ...principal('public', OTHER), id: 'author', userId: 'author' };
    expect(AccessPolicy.readFeedback(author, consulted, hiddenItem).allowed).toBe(true);
    expect(
      AccessPolicy.readFeedback(principal('gov_office', OTHER), consulted, hiddenItem).allowed,
    ).toBe(true);
    expect(
      AccessPolicy.readFeedback(principal('ministry_officer'), consulted, hiddenItem).allowed,
    ).toBe(true);
    for (const p of [undefined, principal('public', OTHER), principal('association', OTHER)]) {
      expect(AccessPolicy.readFeedback(p, consulted, hiddenItem)).toMatchObject({ status: 404 });
    }
  });

  it('files regulations only for the caller’s own agency', () => {
    expect(AccessPolicy.createForAgency(principal('ministry_lead'), OWN).allowed).toBe(true);
    expect(AccessPolicy.createForAgency(principal('ministry_lead'), OTHER).allowed).toBe(false);
    expect(AccessPolicy.createForAgency(principal('gov_office'), OWN).allowed).toBe(false);
  });
});
