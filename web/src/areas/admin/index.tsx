import { ADMIN, type AreaModule } from '../../app/nav';
import { t } from '../../i18n';
import { AgenciesPage } from './AgenciesPage';
import { ApiKeysPage } from './ApiKeysPage';
import { ParameterSetsPage } from './ParameterSetsPage';
import { ProgrammesPage } from './ProgrammesPage';
import { UsersPage } from './UsersPage';

/** Admin (quản trị): users, agencies, API keys, cost parameter sets, programmes. */
export const adminArea: AreaModule = {
  roles: ADMIN,
  home: '/quan-tri',
  routes: [
    { path: '/quan-tri', element: <UsersPage /> },
    { path: '/quan-tri/co-quan', element: <AgenciesPage /> },
    { path: '/quan-tri/khoa-api', element: <ApiKeysPage /> },
    { path: '/quan-tri/tham-so', element: <ParameterSetsPage /> },
    { path: '/quan-tri/chuong-trinh', element: <ProgrammesPage /> },
  ],
  nav: [{ to: '/quan-tri', label: t().admin.nav.home, roles: ADMIN }],
};
