import { NavLink } from 'react-router';
import { t } from '../../i18n';

/** The admin sections as tabs (the header shows only "Quản trị"). */
export function AdminTabs() {
  const s = t().admin.nav;
  const tabs = [
    ['/quan-tri', s.users],
    ['/quan-tri/co-quan', s.agencies],
    ['/quan-tri/khoa-api', s.apiKeys],
    ['/quan-tri/tham-so', s.parameterSets],
    ['/quan-tri/chuong-trinh', s.programmes],
  ];
  return (
    <nav className="tabs" aria-label={s.home}>
      {tabs.map(([to, label]) => (
        <NavLink key={to} to={to} end className={({ isActive }) => (isActive ? 'active' : '')}>
          {label}
        </NavLink>
      ))}
    </nav>
  );
}
