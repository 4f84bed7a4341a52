import { Link } from 'react-router';
import type { Regulation } from '../../api/types';
import { label, t } from '../../i18n';
import { StateBadge } from '../../ui/common';

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
