import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import { formatDate } from '../../format';
import { label, t } from '../../i18n';
import { QueryView } from '../../ui/common';

/**
 * /tien-do — what the programme has decided so far. The target figures (GET /reports/progress)
 * are not public in the API; they are on the Government Office's dashboard.
 */
export function ProgressPage() {
  const s = t().portal.progress;
  const decisions = useQuery({
    queryKey: ['decisions'],
    queryFn: () => ok(api.GET('/decisions', { params: { query: { limit: 100 } as never } })),
  });
  return (
    <div className="page">
      <h1>{s.title}</h1>
      <p className="lead">{s.lead}</p>
      <QueryView query={decisions}>
        {(page) => {
          const items = (page as unknown as { items: Array<Record<string, any>> }).items ?? [];
          const regs = items.reduce((n, d) => n + Number(d.regulationCount ?? 0), 0);
          return (
            <>
              <div className="grid">
                <div className="card">
                  <div className="figure-label">{s.decisions}</div>
                  <div className="figure">{items.length}</div>
                </div>
                <div className="card">
                  <div className="figure-label">{s.count}</div>
                  <div className="figure">{regs}</div>
                </div>
              </div>
              {items.length === 0 ? (
                <p className="banner banner-info">{s.none}</p>
              ) : (
                <div className="table-wrap">
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">{s.number}</th>
                        <th scope="col">{s.date}</th>
                        <th scope="col">{s.outcome}</th>
                        <th scope="col" className="num">
                          {s.count}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {items.map((d) => (
                        <tr key={d.id}>
                          <td>{d.decisionNumber}</td>
                          <td>{formatDate(d.decisionDate)}</td>
                          <td>{label(s.outcomes, d.outcome)}</td>
                          <td className="num">{d.regulationCount}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              <p className="hint">{s.figuresNote}</p>
            </>
          );
        }}
      </QueryView>
    </div>
  );
}
