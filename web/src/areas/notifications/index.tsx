import type { AreaModule } from '../../app/nav';
import { NotificationsPage } from './NotificationsPage';

/** Every signed-in user: the inbox, my tasks and my notification preferences (thông báo). */
export const notificationsArea: AreaModule = {
  // Public commenters too (góp ý công khai): they are told of the answers to their comments.
  roles: [
    'ministry_officer',
    'ministry_lead',
    'expert',
    'association',
    'gov_office',
    'admin',
    'public',
  ],
  routes: [{ path: '/thong-bao', element: <NotificationsPage /> }],
  nav: [],
};
