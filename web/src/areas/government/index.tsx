import { GOV_OFFICE, type AreaModule } from '../../app/nav';
import { t } from '../../i18n';
import { DashboardPage } from './DashboardPage';
import { DecisionPage } from './DecisionPage';
import { ReviewPage } from './ReviewPage';

/** Government Office (Văn phòng Chính phủ): dashboard, plans awaiting review, decisions. */
export const governmentArea: AreaModule = {
  roles: GOV_OFFICE,
  home: '/chinh-phu',
  routes: [
    { path: '/chinh-phu', element: <DashboardPage /> },
    { path: '/chinh-phu/kiem-soat', element: <ReviewPage /> },
    { path: '/chinh-phu/quyet-dinh', element: <DecisionPage /> },
  ],
  nav: [
    { to: '/chinh-phu', label: t().government.nav.dashboard, roles: GOV_OFFICE },
    { to: '/chinh-phu/kiem-soat', label: t().government.nav.review, roles: GOV_OFFICE },
    { to: '/chinh-phu/quyet-dinh', label: t().government.nav.decisions, roles: GOV_OFFICE },
  ],
};
