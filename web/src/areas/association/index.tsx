import { ASSOCIATION_OR_EXPERT, type AreaModule } from '../../app/nav';
import { t } from '../../i18n';

/** Minimal entry point of the association area: part B replaces this module. */
function AssociationHome() {
  return (
    <div className="page">
      <h1>{t().association.nav.rounds}</h1>
      <p>{t().association.placeholder}</p>
    </div>
  );
}

export const associationArea: AreaModule = {
  roles: ASSOCIATION_OR_EXPERT,
  home: '/gop-y',
  routes: [{ path: '/gop-y', element: <AssociationHome /> }],
  nav: [{ to: '/gop-y', label: t().association.nav.rounds, roles: ASSOCIATION_OR_EXPERT }],
};
