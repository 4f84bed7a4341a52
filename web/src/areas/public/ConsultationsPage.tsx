import { useQueries } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, ok } from '../../api/client';
import type { RegulationDetail } from '../../api/types';
import { formatDate } from '../../format';
import { label, t } from '../../i18n';
import { QueryView } from '../../ui/common';
import { useOpenConsultations } from './queries';

/** /tham-van — every open round with its closing date. */
export function ConsultationsPage() {
  const s = t().portal.consultations;
  const rounds = useOpenConsultations();
  const ids = [...new Set((rounds.data ?? []).map((r) => r.regulationId))];
  const regs = useQueries({
    queries: ids.map((id) => ({
      queryKey: ['regulation', id],
      queryFn: async () =>
        (await ok(
          api.GET('/regulations/{id}', { params: { path: { id } } }),
        )) as unknown as RegulationDetail,
    })),
  });
  const titleOf = (id: string) => regs[ids.indexOf(id)]?.data?.title ?? id;
  return (
    <div className="page">
      <h1>{s.title}</h1>
      <QueryView query={rounds}>
        {(items) =>
          items.length === 0 ? (
            <p className="banner banner-info">{s.none}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{s.regulation}</th>
                    <th scope="col">{s.round}</th>
                    <th scope="col">{s.opens}</th>
                    <th scope="col">{s.closes}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((r) => (
                    <tr key={r.id}>
                      <td>
                        <Link to={`/quy-dinh/${r.regulationId}`}>{titleOf(r.regulationId)}</Link>
                      </td>
                      <td>{label(s.rounds, r.round)}</td>
                      <td>{formatDate(r.opensAt)}</td>
                      <td>
                        <strong>{formatDate(r.closesAt)}</strong>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryView>
    </div>
  );
}
