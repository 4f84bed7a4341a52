import { MINISTRY, type AreaModule } from '../../app/nav';
import { t } from '../../i18n';

const o = t().officer;

function TodoPage() {
  return (
    <div className="page">
      <h1>{o.nav.todo}</h1>
    </div>
  );
}

/** The ministry officer / lead area under /bo-nganh. */
export const officerArea: AreaModule = {
  roles: MINISTRY,
  home: '/bo-nganh',
  routes: [{ path: '/bo-nganh', element: <TodoPage /> }],
  nav: [{ to: '/bo-nganh', label: o.nav.todo, roles: MINISTRY }],
};
