import { ADMIN, type AreaModule } from '../../app/nav';
import { t } from '../../i18n';

/** Minimal entry point of the admin area: part B replaces this module. */
function AdminHome() {
  return (
    <div className="page">
      <h1>{t().admin.nav.home}</h1>
      <p>{t().admin.placeholder}</p>
    </div>
  );
}

export const adminArea: AreaModule = {
  roles: ADMIN,
  home: '/quan-tri',
  routes: [{ path: '/quan-tri', element: <AdminHome /> }],
  nav: [{ to: '/quan-tri', label: t().admin.nav.home, roles: ADMIN }],
};
