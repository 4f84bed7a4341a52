import { ASSOCIATION_OR_EXPERT, type AreaModule } from '../../app/nav';
import { t } from '../../i18n';
import { MinePage } from './MinePage';
import { RoundPage } from './RoundPage';
import { RoundsPage } from './RoundsPage';

/** Associations and experts (hiệp hội, chuyên gia): open rounds, feedback, their own items. */
export const associationArea: AreaModule = {
  roles: ASSOCIATION_OR_EXPERT,
  home: '/gop-y',
  routes: [
    { path: '/gop-y', element: <RoundsPage /> },
    { path: '/gop-y/dot/:id', element: <RoundPage /> },
    { path: '/gop-y/cua-toi', element: <MinePage /> },
  ],
  nav: [
    { to: '/gop-y', label: t().association.nav.rounds, roles: ASSOCIATION_OR_EXPERT },
    { to: '/gop-y/cua-toi', label: t().association.nav.mine, roles: ASSOCIATION_OR_EXPERT },
  ],
};
