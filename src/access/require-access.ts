import { ProblemException } from '../common/problem';
import { Decision } from './access-policy';
import { msg } from '../common/i18n/catalogue';

/** 404 for what the caller may not see, 403 for what they may see but not do. */
export function requireAccess(decision: Decision, what = 'record'): void {
  if (decision.allowed) return;
  if (decision.status === 404)
    throw new ProblemException(404, 'not-found', msg('http.noSuch', { what }));
  throw new ProblemException(403, 'forbidden', decision.reason);
}
