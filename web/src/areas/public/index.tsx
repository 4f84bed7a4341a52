import type { AreaModule } from '../../app/nav';
import { t } from '../../i18n';
import { HomePage } from './HomePage';

const p = t().portal;

/** The public portal: no sign-in needed. */
export const publicArea: AreaModule = {
  routes: [{ path: '/', element: <HomePage /> }],
  nav: [{ to: '/', label: p.nav.home }],
};
