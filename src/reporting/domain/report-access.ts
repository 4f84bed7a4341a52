import { isMinistry, readsEverything } from '../../access/access-policy';
import { ProblemException } from '../../common/problem';
import { Principal } from '../../identity/domain/principal';

/**
 * Who sees which figures (domain.md §2, §7): the Government Office and admins see every agency
 * and the nation; a ministry's officers and leads (and its API keys) see their own agency only.
 * Pure; unit-tested in report-access.spec.ts.
 */
export type ReportScopeDecision =
  { allowed: true; agencyId: string | null } | { allowed: false; reason: string };

/** `GET /reports/progress…`: the agency asked for, or the nation when none is named. */
export function progressScope(p: Principal | undefined, agencyId?: string): ReportScopeDecision {
  if (readsEverything(p)) return { allowed: true, agencyId: agencyId ?? null };
  if (isMinistry(p)) {
    if (agencyId === undefined) {
      return {
        allowed: false,
        reason: `national figures are for the Government Office; ask for your agency with agencyId=${p!.agencyId}`,
      };
    }
    if (agencyId.toLowerCase() !== p!.agencyId.toLowerCase()) {
      return { allowed: false, reason: "a ministry sees only its own agency's figures" };
    }
    return { allowed: true, agencyId: p!.agencyId };
  }
  return { allowed: false, reason: 'reports are for the Government Office and the ministries' };
}

/** `GET /reports/overdue`: a ministry's own implementations by default, never another's. */
export function overdueScope(p: Principal | undefined, agencyId?: string): ReportScopeDecision {
  if (isMinistry(p) && agencyId === undefined) return { allowed: true, agencyId: p!.agencyId };
  return progressScope(p, agencyId);
}

/** 403 problem for a refused scope; otherwise the agency to filter on (null = the nation). */
export function requireScope(decision: ReportScopeDecision): string | null {
  if (!decision.allowed) throw new ProblemException(403, 'forbidden', decision.reason);
  return decision.agencyId;
}
