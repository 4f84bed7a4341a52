import type { AreaModule } from '../../app/nav';
import { t } from '../../i18n';
import { SignUpPage } from '../public-comments/SignUpPage';
import { VerifyPage } from '../public-comments/VerifyPage';
import { ConsultationsPage } from './ConsultationsPage';
import { HomePage } from './HomePage';
import { ProgressPage } from './ProgressPage';
import { RegulationPage } from './RegulationPage';
import { SearchPage } from './SearchPage';

const p = t().portal;

/** The public portal: no sign-in needed. */
export const publicArea: AreaModule = {
  routes: [
    { path: '/', element: <HomePage /> },
    { path: '/tra-cuu', element: <SearchPage /> },
    { path: '/quy-dinh/:id', element: <RegulationPage /> },
    { path: '/tham-van', element: <ConsultationsPage /> },
    { path: '/tien-do', element: <ProgressPage /> },
    // Góp ý công khai: sign-up and the e-mailed verification link.
    { path: '/gop-y/dang-ky', element: <SignUpPage /> },
    { path: '/gop-y/xac-minh', element: <VerifyPage /> },
  ],
  nav: [
    { to: '/', label: p.nav.home },
    { to: '/tra-cuu', label: p.nav.search },
    { to: '/tham-van', label: p.nav.consultations, signedOutOnly: true },
    { to: '/tien-do', label: p.nav.progress, signedOutOnly: true },
  ],
};
