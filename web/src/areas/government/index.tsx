import { GOV_OFFICE, type AreaModule } from '../../app/nav';
import { t } from '../../i18n';

/** Minimal entry point of the government area: part B replaces this module. */
function GovernmentHome() {
  return (
    <div className="page">
      <h1>{t().government.nav.dashboard}</h1>
      <p>{t().government.placeholder}</p>
    </div>
  );
}

export const governmentArea: AreaModule = {
  roles: GOV_OFFICE,
  home: '/chinh-phu',
  routes: [{ path: '/chinh-phu', element: <GovernmentHome /> }],
  nav: [{ to: '/chinh-phu', label: t().government.nav.dashboard, roles: GOV_OFFICE }],
};
