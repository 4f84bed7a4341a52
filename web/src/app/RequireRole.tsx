import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { t } from '../i18n';
import { useSession } from '../session/use-session';

/** Pages of a signed-in area: without a session, /login?next=<this page>; wrong role, a notice. */
export function RequireRole(props: { roles: readonly string[]; children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!session) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  if (!props.roles.includes(session.user.role)) {
    return (
      <div className="page">
        <p className="banner banner-error" role="alert">
          {t().common.errors.forbidden}
        </p>
      </div>
    );
  }
  return <>{props.children}</>;
}
