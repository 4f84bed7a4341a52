import { AgencyKind, Role } from './roles';

/** The authenticated caller: a user, or an integration client's API key acting for its agency. */
export interface Principal {
  kind: 'user' | 'api_key';
  /** The user's id, or the API key's id. */
  id: string;
  /** The user id to record as the actor (null for an API key). */
  userId: string | null;
  role: Role;
  agencyId: string;
  agencyKind: AgencyKind;
  /** Read-only API keys may only read. */
  readOnly: boolean;
}

export const isMinistryRole = (p: Principal | undefined) =>
  !!p && (p.role === 'ministry_officer' || p.role === 'ministry_lead');

/** Reads everything: the Government Office and administrators. */
export const readsEverything = (p: Principal | undefined) =>
  !!p && (p.role === 'gov_office' || p.role === 'admin');
