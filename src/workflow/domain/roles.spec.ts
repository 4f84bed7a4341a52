import { REGULATION_EVENT_TYPES, type RegulationEventType } from './regulation.events';
import {
  EVENT_PERMISSIONS,
  USER_ROLES,
  WORKFLOW_ROLES,
  eventsForRole,
  mayActorSend,
  mayRoleSend,
  requiresOwningAgency,
  rolesFor,
} from './roles';

/** domain.md §5 "who may send", written out independently of roles.ts. */
const EXPECTED: Record<RegulationEventType, [roles: string[], owningAgency: boolean]> = {
  SUBMIT_FOR_REVIEW: [['ministry_officer', 'ministry_lead'], true],
  COMPLETE_REVIEW: [['ministry_officer', 'ministry_lead'], true],
  CONFIRM_BASELINE: [['ministry_officer', 'ministry_lead'], true],
  OPEN_CONSULTATION: [['ministry_officer', 'ministry_lead'], true],
  CLOSE_EXPERT_ROUND: [['ministry_officer', 'ministry_lead'], true],
  EXPERT_ROUND_DEADLINE: [['system'], false],
  ASSOCIATION_ROUND_DEADLINE: [['system'], false],
  SUBMIT_TO_GOVERNMENT_OFFICE: [['ministry_lead'], true],
  REVISE_PLAN: [['ministry_officer', 'ministry_lead'], true],
  RETURN_FOR_REVISION: [['gov_office'], false],
  FORWARD_FOR_DECISION: [['gov_office'], false],
  RECORD_DECISION: [['gov_office'], false],
  RECORD_IMPLEMENTATION: [['ministry_officer', 'ministry_lead'], true],
  IMPLEMENTATION_DEADLINE_PASSED: [['system'], false],
  AMENDMENT_IN_FORCE: [['system'], false],
  WITHDRAW: [['ministry_lead'], true],
};

describe('role table', () => {
  it('declares every event exactly once', () => {
    expect(Object.keys(EVENT_PERMISSIONS).sort()).toEqual([...REGULATION_EVENT_TYPES].sort());
  });

  it.each(REGULATION_EVENT_TYPES)('%s: roles and owning-agency rule as in §5', (type) => {
    const [roles, owning] = EXPECTED[type];
    expect([...rolesFor(type)].sort()).toEqual([...roles].sort());
    expect(requiresOwningAgency(type)).toBe(owning);
    for (const role of WORKFLOW_ROLES) {
      expect(mayRoleSend(role, type)).toBe(roles.includes(role));
    }
  });

  it('experts, associations and admins send no workflow event', () => {
    expect(eventsForRole('expert')).toEqual([]);
    expect(eventsForRole('association')).toEqual([]);
    expect(eventsForRole('admin')).toEqual([]);
  });

  it('only the timer service sends deadline events, and it is not a user role', () => {
    expect(eventsForRole('system')).toEqual([
      'EXPERT_ROUND_DEADLINE',
      'ASSOCIATION_ROUND_DEADLINE',
      'IMPLEMENTATION_DEADLINE_PASSED',
      'AMENDMENT_IN_FORCE',
    ]);
    expect(USER_ROLES).not.toContain('system');
  });

  it('a lead may do everything an officer may, plus submit and withdraw', () => {
    const officer = eventsForRole('ministry_officer');
    const lead = eventsForRole('ministry_lead');
    expect(lead).toEqual(expect.arrayContaining(officer));
    expect(lead.filter((e) => !officer.includes(e))).toEqual([
      'SUBMIT_TO_GOVERNMENT_OFFICE',
      'WITHDRAW',
    ]);
  });

  it('unknown events and roles are refused', () => {
    expect(rolesFor('FLY')).toEqual([]);
    expect(mayRoleSend('ministry_lead', 'FLY')).toBe(false);
    expect(mayRoleSend('root', 'WITHDRAW')).toBe(false);
    expect(requiresOwningAgency('FLY')).toBe(true);
  });
});

describe('mayActorSend', () => {
  it('allows the owning agency lead to withdraw', () => {
    expect(mayActorSend({ role: 'ministry_lead', ownsRegulation: true }, 'WITHDRAW')).toEqual({
      allowed: true,
    });
  });
  it('refuses an officer to withdraw, naming who may', () => {
    expect(mayActorSend({ role: 'ministry_officer', ownsRegulation: true }, 'WITHDRAW')).toEqual({
      allowed: false,
      reason: 'role',
      message: 'WITHDRAW may be sent only by ministry_lead, not by ministry_officer',
    });
  });
  it("refuses another agency's officer, and an actor whose agency is unknown", () => {
    expect(
      mayActorSend({ role: 'ministry_officer', ownsRegulation: false }, 'SUBMIT_FOR_REVIEW'),
    ).toMatchObject({ allowed: false, reason: 'agency' });
    expect(mayActorSend({ role: 'ministry_officer' }, 'SUBMIT_FOR_REVIEW')).toMatchObject({
      allowed: false,
      reason: 'agency',
    });
  });
  it('lets the Government Office act on any agency and the system send timers', () => {
    expect(mayActorSend({ role: 'gov_office', ownsRegulation: false }, 'RECORD_DECISION')).toEqual({
      allowed: true,
    });
    expect(mayActorSend({ role: 'system' }, 'EXPERT_ROUND_DEADLINE')).toEqual({ allowed: true });
  });
  it('refuses users sending timer events', () => {
    expect(
      mayActorSend({ role: 'ministry_lead', ownsRegulation: true }, 'ASSOCIATION_ROUND_DEADLINE'),
    ).toMatchObject({ allowed: false, reason: 'role' });
  });
  it('says when the type is not a workflow event', () => {
    expect(mayActorSend({ role: 'admin' }, 'FLY')).toMatchObject({
      message: 'FLY is not a workflow event',
    });
  });
});
