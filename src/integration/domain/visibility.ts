/**
 * What of the change feed a caller sees (domain.md §2): the Government Office and admins every
 * event in full; a ministry user or an API key their agency's events in full and other agencies'
 * public events in their public form; everyone else the public events in their public form.
 */
export interface FeedCaller {
  role: string;
  agencyId: string | null;
}

export type FeedScope = { kind: 'all' } | { kind: 'agency'; agencyId: string } | { kind: 'public' };

const MINISTRY_ROLES = ['ministry_officer', 'ministry_lead'];

export function feedScope(c: FeedCaller, isApiKey: boolean): FeedScope {
  if (c.role === 'gov_office' || c.role === 'admin') return { kind: 'all' };
  if ((MINISTRY_ROLES.includes(c.role) || isApiKey) && c.agencyId) {
    return { kind: 'agency', agencyId: c.agencyId };
  }
  return { kind: 'public' };
}

/** Who may register a webhook, and for which records (null = every record). */
export function webhookScopeProblem(
  c: FeedCaller,
  requestedAgencyId: string | null,
): { status: 403; reason: string } | null {
  if (c.role === 'admin' || c.role === 'gov_office') return null;
  if (c.role === 'ministry_lead') {
    if (requestedAgencyId !== null && requestedAgencyId === c.agencyId) return null;
    return {
      status: 403,
      reason: 'a ministry lead may register webhooks only for their own agency (agencyId = own)',
    };
  }
  return { status: 403, reason: 'only admin, gov_office and ministry leads manage webhooks' };
}

/** Whether a caller may see and manage an existing webhook. */
export function mayManageWebhook(c: FeedCaller, hookAgencyId: string | null): boolean {
  if (c.role === 'admin' || c.role === 'gov_office') return true;
  return c.role === 'ministry_lead' && hookAgencyId !== null && hookAgencyId === c.agencyId;
}
