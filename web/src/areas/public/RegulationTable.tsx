import type { UseQueryResult } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Page, Regulation } from '../../api/types';
import { label, t } from '../../i18n';
import { Pager, QueryView, StateBadge } from '../../ui/common';

/** A list of regulations; `linkTo` decides where a title leads (public page or the workspace). */
export function RegulationTable(props: { items: Regulation[]; linkTo: (r: Regulation) => string }) {
  const s = t().portal.search;
  const c = t().common;
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{s.columns.title}</th>
            <th scope="col">{s.columns.document}</th>
            <th scope="col">{s.columns.category}</th>
            <th scope="col">{s.columns.state}</th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((r) => (
            <tr key={r.id}>
              <td>
                <Link to={props.linkTo(r)}>{r.title}</Link>
                {r.procedureCode && <div className="muted">{r.procedureCode}</div>}
              </td>
              <td>
                {r.legalDocument?.number ?? c.none}
                <div className="muted">{r.provision}</div>
              </td>
              <td>{label(c.categories, r.category)}</td>
              <td>
                <StateBadge state={r.stateName} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A page of results with the cursor kept in the URL (?cursor=), or the "nothing found" notice. */
export function RegulationResults(props: {
  query: UseQueryResult<Page<Regulation>>;
  params: URLSearchParams;
  setParams: (p: URLSearchParams) => void;
  linkTo: (r: Regulation) => string;
  emptyText: string;
}) {
  const { params, setParams } = props;
  return (
    <QueryView query={props.query}>
      {(page) =>
        page.items.length === 0 ? (
          <p className="banner banner-info">{props.emptyText}</p>
        ) : (
          <>
            <RegulationTable items={page.items} linkTo={props.linkTo} />
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
  );
}
