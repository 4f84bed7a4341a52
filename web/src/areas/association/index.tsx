import { COMMENTERS, type AreaModule } from '../../app/nav';
import { t } from '../../i18n';
import { MinePage } from './MinePage';
import { RoundPage } from './RoundPage';
import { RoundsPage } from './RoundsPage';

/**
 * Associations, experts and public commenters (hiệp hội, chuyên gia, góp ý công khai): open
 * rounds, feedback, their own items.
 */
export const associationArea: AreaModule = {
  roles: COMMENTERS,
  home: '/gop-y',
  routes: [
    { path: '/gop-y', element: <RoundsPage /> },
    { path: '/gop-y/dot/:id', element: <RoundPage /> },
    { path: '/gop-y/cua-toi', element: <MinePage /> },
  ],
  nav: [
    { to: '/gop-y', label: t().association.nav.rounds, roles: COMMENTERS },
    { to: '/gop-y/cua-toi', label: t().association.nav.mine, roles: COMMENTERS },
  ],
};
