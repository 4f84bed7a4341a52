import { Link, useSearchParams } from 'react-router';
import { t } from '../../i18n';
import { useSession } from '../../session/use-session';
import { Pager, QueryView } from '../../ui/common';
import { useRegulations } from '../public/queries';
import { RegulationTable } from '../public/RegulationTable';
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
      <QueryView query={query}>
        {(page) =>
          page.items.length === 0 ? (
            <p className="banner banner-info">{s.register.none}</p>
          ) : (
            <>
              <RegulationTable items={page.items} linkTo={(r) => `/bo-nganh/quy-dinh/${r.id}`} />
              <Pager
                cursor={params.get('cursor')}
                nextCursor={page.nextCursor}
                onCursor={(cur) => {
                  const next = new URLSearchParams(params);
                  if (cur) next.set('cursor', cur);
                  else next.delete('cursor');
                  setParams(next);
                }}
              />
            </>
          )
        }
      </QueryView>
    </div>
  );
}
