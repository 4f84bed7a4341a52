import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import type { components } from '../../api/schema';
import { formatDate, formatMoney, formatPercent } from '../../format';
import { label, t } from '../../i18n';
import { QueryView } from '../../ui/common';

type National = components['schemas']['NationalProgressDto'];
type Figure = National['approved'];

/**
 * /tien-do — the programme's national figures as the Government Office publishes them
 * (GET /reports/national-progress, no sign-in): the shares of the count and cost targets as
 * bars, and the decisions recorded. Where the costed coverage is low, the cost share is said to
 * be unreliable rather than shown as reached.
 */
export function ProgressPage() {
  const s = t().portal.progress;
  const national = useQuery({
    queryKey: ['national-progress'],
    queryFn: () => ok(api.GET('/reports/national-progress', {})),
  });
  const decisions = useQuery({
    queryKey: ['decisions'],
    queryFn: () => ok(api.GET('/decisions', { params: { query: { limit: 100 } as never } })),
  });
  return (
    <div className="page">
      <h1>{s.title}</h1>
      <p className="lead">{s.lead}</p>
      <QueryView query={national}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="banner banner-info">{s.noProgramme}</p>
          ) : (
            <>
              {[...data.items].reverse().map((n) => (
                <ProgrammeFigures key={n.programme.code} n={n} />
              ))}
            </>
          )
        }
      </QueryView>
      <h2>{s.decisions}</h2>
      <QueryView query={decisions}>
        {(page) => {
          const items = (page as unknown as { items: Array<Record<string, any>> }).items ?? [];
          return items.length === 0 ? (
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
          );
        }}
      </QueryView>
    </div>
  );
}

function ProgrammeFigures({ n }: { n: National }) {
  const s = t().portal.progress;
  const headingId = `prog-${n.programme.code}`;
  return (
    <section
      className="card"
      aria-labelledby={headingId}
      data-testid={`national-${n.programme.code}`}
    >
      <h2 id={headingId}>{n.programme.name}</h2>
      <p className="muted">
        {s.period(formatDate(n.programme.startDate), formatDate(n.programme.endDate))} ·{' '}
        {s.asOf(formatDate(n.asOf))}
      </p>
      <dl className="facts">
        <dt>{s.baselineCount(formatDate(n.programme.baselineDate))}</dt>
        <dd>{n.baseline.count}</dd>
        <dt>{s.baselineCost}</dt>
        <dd>{formatMoney(n.baseline.annualCost)}</dd>
        <dt>{s.coverage}</dt>
        <dd>
          {formatPercent(n.baseline.coveragePct)} ({n.baseline.costedCount}/{n.baseline.count})
        </dd>
        <dt>{s.pipeline}</dt>
        <dd>{n.pipeline.count}</dd>
        <dt>{s.overdue}</dt>
        <dd>{n.overdue.count}</dd>
      </dl>
      {n.baseline.lowCoverage && (
        <p className="banner banner-info" role="note">
          {s.lowCoverage(formatPercent(n.baseline.coveragePct), n.baseline.minCoveragePct)}
        </p>
      )}
      <div className="grid">
        {(['approved', 'implemented'] as const).map((k) => (
          <div key={k}>
            <h3>{s.stage[k]}</h3>
            <TargetBar
              label={s.countShare(s.stage[k])}
              pct={n[k].countPct}
              target={n.target.countPct}
              reached={n.target[`${k}Reached`].count}
              detail={s.countDetail(n[k].count, n.baseline.count)}
            />
            <CostBar
              figure={n[k]}
              n={n}
              status={n.target[`${k}Reached`].costStatus}
              stage={s.stage[k]}
            />
          </div>
        ))}
      </div>
    </section>
  );
}

function CostBar(p: { figure: Figure; n: National; status: string; stage: string }) {
  const s = t().portal.progress;
  return (
    <TargetBar
      label={s.costShare(p.stage)}
      pct={p.figure.costPct}
      target={p.n.target.costPct}
      reached={p.status === 'reached'}
      lowCoverage={p.status === 'low_coverage'}
      detail={s.costDetail(formatMoney(p.figure.savings))}
    />
  );
}

function TargetBar(p: {
  label: string;
  pct: number | null;
  target: number;
  reached: boolean;
  lowCoverage?: boolean;
  detail: string;
}) {
  const s = t().portal.progress;
  const share = Math.min(100, ((p.pct ?? 0) / (p.target || 100)) * 100);
  return (
    <div className="target-bar">
      <div className="figure-label">{p.label}</div>
      <div className="figure">
        {formatPercent(p.pct)} <span className="muted">{s.ofTarget(p.target)}</span>
      </div>
      <div
        className="progress"
        role="progressbar"
        aria-label={p.label}
        aria-valuemin={0}
        aria-valuemax={p.target}
        aria-valuenow={p.pct ?? 0}
        aria-valuetext={`${formatPercent(p.pct)} ${s.ofTarget(p.target)}`}
      >
        <span
          className={p.reached ? 'progress-reached' : undefined}
          style={{ width: `${share}%` }}
        />
      </div>
      <div className="muted">
        {p.detail} ·{' '}
        <span className={`badge ${p.reached ? 'badge-ok' : 'badge-warn'}`}>
          {p.lowCoverage ? s.unreliable : p.reached ? s.reached : s.notReached}
        </span>
      </div>
    </div>
  );
}
