/**
 * The one declaration of who may send which workflow event (domain.md §5, "who may send").
 * The HTTP layer answers 403 when mayActorSend() says no; the state and guards are checked after.
 */
import { REGULATION_EVENT_TYPES, type RegulationEventType } from './regulation.events';

export const USER_ROLES = [
  'ministry_officer', // chuyên viên pháp chế
  'ministry_lead', // lãnh đạo vụ pháp chế
  'expert', // chuyên gia, Hội đồng tư vấn cải cách TTHC
  'association', // hiệp hội doanh nghiệp
  'gov_office', // Văn phòng Chính phủ / Cục Kiểm soát TTHC
  'admin',
] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** `system` is the durable timer service; no user has it. */
export type WorkflowRole = UserRole | 'system';
export const WORKFLOW_ROLES: readonly WorkflowRole[] = [...USER_ROLES, 'system'];

export interface EventPermission {
  roles: readonly WorkflowRole[];
  /** The sender must belong to the agency that owns the regulation. */
  owningAgencyOnly: boolean;
}

const MINISTRY: readonly WorkflowRole[] = ['ministry_officer', 'ministry_lead'];
const LEAD: readonly WorkflowRole[] = ['ministry_lead'];
const GOV_OFFICE: readonly WorkflowRole[] = ['gov_office'];
const SYSTEM: readonly WorkflowRole[] = ['system'];

export const EVENT_PERMISSIONS: Readonly<Record<RegulationEventType, EventPermission>> = {
  SUBMIT_FOR_REVIEW: { roles: MINISTRY, owningAgencyOnly: true },
  COMPLETE_REVIEW: { roles: MINISTRY, owningAgencyOnly: true },
  CONFIRM_BASELINE: { roles: MINISTRY, owningAgencyOnly: true },
  OPEN_CONSULTATION: { roles: MINISTRY, owningAgencyOnly: true },
  CLOSE_EXPERT_ROUND: { roles: MINISTRY, owningAgencyOnly: true },
  EXPERT_ROUND_DEADLINE: { roles: SYSTEM, owningAgencyOnly: false },
  ASSOCIATION_ROUND_DEADLINE: { roles: SYSTEM, owningAgencyOnly: false },
  SUBMIT_TO_GOVERNMENT_OFFICE: { roles: LEAD, owningAgencyOnly: true },
  REVISE_PLAN: { roles: MINISTRY, owningAgencyOnly: true },
  // The Government Office acts on every agency's plans.
  RETURN_FOR_REVISION: { roles: GOV_OFFICE, owningAgencyOnly: false },
  FORWARD_FOR_DECISION: { roles: GOV_OFFICE, owningAgencyOnly: false },
  RECORD_DECISION: { roles: GOV_OFFICE, owningAgencyOnly: false },
  RECORD_IMPLEMENTATION: { roles: MINISTRY, owningAgencyOnly: true },
  IMPLEMENTATION_DEADLINE_PASSED: { roles: SYSTEM, owningAgencyOnly: false },
  AMENDMENT_IN_FORCE: { roles: SYSTEM, owningAgencyOnly: false },
  WITHDRAW: { roles: LEAD, owningAgencyOnly: true },
};

function permissionOf(eventType: string): EventPermission | undefined {
  return Object.prototype.hasOwnProperty.call(EVENT_PERMISSIONS, eventType)
    ? EVENT_PERMISSIONS[eventType as RegulationEventType]
    : undefined;
}

/** Roles that may send the event; empty for an unknown event type. */
export function rolesFor(eventType: string): readonly WorkflowRole[] {
  return permissionOf(eventType)?.roles ?? [];
}

export function mayRoleSend(role: string, eventType: string): boolean {
  return (rolesFor(eventType) as readonly string[]).includes(role);
}

export function requiresOwningAgency(eventType: string): boolean {
  return permissionOf(eventType)?.owningAgencyOnly ?? true;
}

/** Event types a role may send, in workflow order. */
export function eventsForRole(role: string): RegulationEventType[] {
  return REGULATION_EVENT_TYPES.filter((type) => mayRoleSend(role, type));
}

export interface WorkflowActor {
  role: WorkflowRole | string;
  /** Whether the actor belongs to the agency owning the regulation (ignored for `system`). */
  ownsRegulation?: boolean;
}

export type PermissionDecision =
  | { allowed: true }
  | { allowed: false; reason: 'role'; message: string }
  | { allowed: false; reason: 'agency'; message: string };

/** The full 403 check: role first, then membership of the owning agency where required. */
export function mayActorSend(actor: WorkflowActor, eventType: string): PermissionDecision {
  if (!mayRoleSend(actor.role, eventType)) {
    const roles = rolesFor(eventType);
    return {
      allowed: false,
      reason: 'role',
      message:
        roles.length === 0
          ? `${eventType} is not a workflow event`
          : `${eventType} may be sent only by ${roles.join(' or ')}, not by ${actor.role}`,
    };
  }
  if (requiresOwningAgency(eventType) && actor.ownsRegulation !== true) {
    return {
      allowed: false,
      reason: 'agency',
      message: `${eventType} may be sent only by the agency that owns the regulation`,
    };
  }
  return { allowed: true };
}
