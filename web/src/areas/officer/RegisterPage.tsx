import { Link, useSearchParams } from 'react-router';
import { t } from '../../i18n';
import { useSession } from '../../session/use-session';
import { useRegulations } from '../public/queries';
import { RegulationResults } from '../public/RegulationTable';
import { RegulationFiltersForm } from '../public/SearchPage';

/** /bo-nganh/quy-dinh — the agency's register (drafts included), with the portal's filters. */
export function RegisterPage() {
  const s = t().officer;
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const query = useRegulations({
    agencyId: session?.user.agencyId ?? undefined,
    search: params.get('search') ?? undefined,
    category: params.get('category') ?? undefined,
    state: params.get('state') ?? undefined,
    cursor: params.get('cursor') ?? undefined,
    limit: 20,
  });
  return (
    <div className="page">
      <div className="row between">
        <h1>{s.register.title}</h1>
        <div className="actions-bar">
          <Link className="button button-primary" to="/bo-nganh/quy-dinh/moi">
            {s.nav.create}
          </Link>
          <Link className="button" to="/bo-nganh/nhap-tep">
            {s.nav.import}
          </Link>
        </div>
      </div>
      <RegulationFiltersForm
        key={params.get('search') ?? ''}
        params={params}
        onChange={setParams}
      />
      <RegulationResults
        query={query}
        params={params}
        setParams={setParams}
        linkTo={(r) => `/bo-nganh/quy-dinh/${r.id}`}
        emptyText={s.register.none}
      />
    </div>
  );
}
