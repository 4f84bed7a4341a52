import { MINISTRY, type AreaModule } from '../../app/nav';
import { t } from '../../i18n';
import { ImportPage } from './ImportPage';
import { RegisterPage } from './RegisterPage';
import { CreateRegulationPage, EditRegulationPage } from './RegulationFormPage';
import { TodoPage } from './TodoPage';
import { WorkspacePage } from './WorkspacePage';

const o = t().officer;

/** The ministry officer / lead area under /bo-nganh. */
export const officerArea: AreaModule = {
  roles: MINISTRY,
  home: '/bo-nganh',
  routes: [
    { path: '/bo-nganh', element: <TodoPage /> },
    { path: '/bo-nganh/quy-dinh', element: <RegisterPage /> },
    { path: '/bo-nganh/quy-dinh/moi', element: <CreateRegulationPage /> },
    { path: '/bo-nganh/quy-dinh/:id', element: <WorkspacePage /> },
    { path: '/bo-nganh/quy-dinh/:id/sua', element: <EditRegulationPage /> },
    { path: '/bo-nganh/nhap-tep', element: <ImportPage /> },
  ],
  nav: [
    { to: '/bo-nganh', label: o.nav.todo, roles: MINISTRY },
    { to: '/bo-nganh/quy-dinh', label: o.nav.register, roles: MINISTRY },
    { to: '/bo-nganh/nhap-tep', label: o.nav.import, roles: MINISTRY },
  ],
};
