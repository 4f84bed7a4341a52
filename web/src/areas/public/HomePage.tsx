import { t } from '../../i18n';

export function HomePage() {
  const p = t().portal.home;
  return (
    <div className="page">
      <h1>{p.title}</h1>
      <p className="lead">{p.lead}</p>
    </div>
  );
}
