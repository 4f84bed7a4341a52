import type { AreaModule } from '../../app/nav';
import { NotificationsPage } from './NotificationsPage';

/** Every signed-in user: the inbox, my tasks and my notification preferences (thông báo). */
export const notificationsArea: AreaModule = {
  roles: ['ministry_officer', 'ministry_lead', 'expert', 'association', 'gov_office', 'admin'],
  routes: [{ path: '/thong-bao', element: <NotificationsPage /> }],
  nav: [],
};
