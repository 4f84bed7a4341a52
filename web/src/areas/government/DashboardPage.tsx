import { useQuery } from '@tanstack/react-query';
import { Fragment, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { api, download, ok } from '../../api/client';
import { Banner } from '../../forms/fields';
import { mapErrors } from '../../api/problem';
import { formatDate, formatMoney, formatPercent } from '../../format';
import { t } from '../../i18n';
import { ReminderForm } from './ReminderForm';
import { Chart } from './Chart';
import { agencyProgress, monthLabel, seriesUpTo, sortByProgress } from './dashboard-data';
import type {
  Agency,
  CostTargetStatus,
  OverdueItem,
  Page,
  ProgressReport,
  Programme,
  RegulationRow,
} from './types';

const BLUE = '#0b4f9c';
const GREEN = '#1e6b34';
const RED = '#a4161a';

async function programmes(): Promise<Programme[]> {
  return ((await ok(api.GET('/programmes'))) as unknown as Page<Programme>).items;
}

async function progress(programme: string, agencyId?: string): Promise<ProgressReport> {
  const q = agencyId ? { programme, agencyId } : { programme };
  return (await ok(
    api.GET('/reports/progress', { params: { query: q } }),
  )) as unknown as ProgressReport;
}

async function ministries(): Promise<Agency[]> {
  const page = (await ok(
    api.GET('/agencies', { params: { query: { limit: 500 } as never } }),
  )) as unknown as Page<Agency>;
  return page.items.filter((a) => a.active && (a.kind === 'ministry' || a.kind === 'province'));
}

/** Regulations in one state (the review and decision queues), first 500. */
export async function regulationsIn(state: string): Promise<RegulationRow[]> {
  const page = (await ok(
    api.GET('/regulations', { params: { query: { state, limit: 500 } as never } }),
  )) as unknown as Page<RegulationRow>;
  return page.items;
}

export function DashboardPage() {
  const s = t().government.dashboard;
  const [programme, setProgramme] = useState('NQ68');
  const [downloadError, setDownloadError] = useState<string[]>([]);
  const [downloading, setDownloading] = useState(false);
  // Đôn đốc: the overdue row whose reminder form is open, and the one just reminded.
  const [remindFor, setRemindFor] = useState<string | null>(null);
  const [reminded, setReminded] = useState<string | null>(null);
  const progs = useQuery({ queryKey: ['programmes'], queryFn: programmes });
  const nation = useQuery({
    queryKey: ['progress', programme],
    queryFn: () => progress(programme),
  });
  const perAgency = useQuery({
    queryKey: ['progress-agencies', programme],
    queryFn: async () => {
      const list = await ministries();
      const reports = await Promise.all(list.map((a) => progress(programme, a.id)));
      return sortByProgress(list.map((a, i) => agencyProgress(a, reports[i])));
    },
  });
  const review = useQuery({
    queryKey: ['regulations', 'government_office_review'],
    queryFn: () => regulationsIn('government_office_review'),
  });
  const awaiting = useQuery({
    queryKey: ['regulations', 'awaiting_decision'],
    queryFn: () => regulationsIn('awaiting_decision'),
  });
  const overdue = useQuery({
    queryKey: ['overdue', programme],
    queryFn: async () =>
      (
        (await ok(
          api.GET('/reports/overdue', { params: { query: { programme } as never } }),
        )) as unknown as Page<OverdueItem>
      ).items,
  });

  const r = nation.data;
  const targetCost = r?.target.costPct ?? 0;
  const series = useMemo(() => (r ? seriesUpTo(r.series, r.asOf) : []), [r]);
  const hasSeries = series.some((p) => p.approved > 0 || p.implemented > 0);

  const agencyOption = useMemo(() => {
    const rows = [...(perAgency.data ?? [])].reverse(); // the chart draws bottom-up
    return {
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v: number) => formatPercent(v),
      },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: {
        type: 'value',
        max: Math.max(100, targetCost),
        axisLabel: { formatter: '{value} %' },
      },
      yAxis: { type: 'category', data: rows.map((x) => x.agency.code) },
      series: [
        {
          name: s.approvedSeries,
          type: 'bar',
          data: rows.map((x) => x.approvedCostPct),
          itemStyle: { color: BLUE },
          markLine: {
            symbol: 'none',
            lineStyle: { color: RED, type: 'dashed', width: 2 },
            label: { formatter: `${s.target} ${formatPercent(targetCost)}`, color: RED },
            data: [{ xAxis: targetCost }],
          },
        },
        {
          name: s.implementedSeries,
          type: 'bar',
          data: rows.map((x) => x.implementedCostPct),
          itemStyle: { color: GREEN },
        },
      ],
    };
  }, [perAgency.data, targetCost, s]);

  const seriesOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatPercent(v) },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: series.map((p) => monthLabel(p.month)) },
      yAxis: {
        type: 'value',
        min: 0,
        // a round top: the target line with room above it, or the highest share
        max: Math.ceil(Math.max(targetCost * 1.5, ...series.map((p) => p.approved)) / 10) * 10,
        axisLabel: { formatter: '{value} %' },
      },
      series: [
        {
          name: s.approvedSeries,
          type: 'line',
          step: 'end',
          showSymbol: false,
          data: series.map((p) => p.approved),
          itemStyle: { color: BLUE },
          markLine: {
            symbol: 'none',
            lineStyle: { color: RED, type: 'dashed', width: 2 },
            label: {
              formatter: `${s.target} ${formatPercent(targetCost)}`,
              color: RED,
              position: 'insideEndTop',
            },
            data: [{ yAxis: targetCost }],
          },
        },
        {
          name: s.implementedSeries,
          type: 'line',
          step: 'end',
          showSymbol: false,
          data: series.map((p) => p.implemented),
          itemStyle: { color: GREEN },
        },
      ],
    }),
    [series, targetCost, s],
  );

  const stages = useMemo(
    () =>
      r
        ? [
            { name: s.stages.baseline, value: r.baseline.count, color: '#4a5360' },
            { name: s.stages.review, value: review.data?.length ?? 0, color: '#8a5300' },
            { name: s.stages.awaiting, value: awaiting.data?.length ?? 0, color: '#6a3d9a' },
            { name: s.stages.approved, value: r.approved.count, color: BLUE },
            { name: s.stages.implemented, value: r.implemented.count, color: GREEN },
            { name: s.stages.overdue, value: r.overdue.count, color: RED },
          ]
        : [],
    [r, review.data, awaiting.data, s],
  );
  const pipelineOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
      // Horizontal bars: the stage names stay readable at phone width.
      yAxis: { type: 'category', inverse: true, data: stages.map((x) => x.name) },
      xAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          label: { show: true, position: 'right' },
          data: stages.map((x) => ({ value: x.value, itemStyle: { color: x.color } })),
        },
      ],
    }),
    [stages],
  );

  const onDownload = async () => {
    setDownloadError([]);
    setDownloading(true);
    try {
      await download(
        `/reports/progress.xlsx?programme=${encodeURIComponent(programme)}`,
        `tien-do-${programme}.xlsx`,
      );
    } catch (err) {
      setDownloadError(mapErrors(err).banner);
    } finally {
      setDownloading(false);
    }
  };

  const failed = [nation.error, perAgency.error].filter(Boolean);
  return (
    <div className="page dashboard">
      <div className="row">
        <h1 className="grow">{s.title}</h1>
        <div className="field">
          <label htmlFor="dashboard-programme">{s.programme}</label>
          <select
            id="dashboard-programme"
            value={programme}
            onChange={(e) => setProgramme(e.target.value)}
          >
            {(progs.data ?? [{ code: 'NQ68', name: 'NQ68' } as Programme]).map((p) => (
              <option key={p.code} value={p.code}>
                {p.code}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="button"
          onClick={() => void onDownload()}
          disabled={downloading}
        >
          {downloading ? s.downloading : s.download}
        </button>
      </div>
      <Banner messages={downloadError} />
      {failed.length > 0 && (
        <Banner messages={mapErrors(failed[0]).banner} onReload={() => void nation.refetch()} />
      )}
      {r && (
        <>
          <p className="muted">
            {r.programme.name} · {s.asOf(formatDate(r.asOf))} ·{' '}
            {s.targetCost(formatPercent(r.target.costPct))} ·{' '}
            {s.targetCount(formatPercent(r.target.countPct))}
          </p>
          {r.baseline.lowCoverage && (
            <Banner
              kind="info"
              title=""
              messages={[
                s.cards.coverage(
                  formatPercent(r.baseline.coveragePct),
                  r.baseline.minCoveragePct ?? 90,
                ),
              ]}
            />
          )}
          <div className="grid" data-testid="national-figures">
            <div className="card">
              <div className="figure-label">{s.cards.baseline}</div>
              <div className="figure">{r.baseline.count}</div>
              <div className="muted">
                {s.cards.baselineCost(formatMoney(r.baseline.annualCost))}
              </div>
            </div>
            <TargetCard
              label={s.cards.approvedCost}
              pct={r.approved.costPct}
              target={r.target.costPct}
              savings={r.approved.savings}
              status={
                r.target.approvedReached.costStatus ?? statusOf(r.target.approvedReached.cost)
              }
              testId="approved-cost"
            />
            <TargetCard
              label={s.cards.implementedCost}
              pct={r.implemented.costPct}
              target={r.target.costPct}
              savings={r.implemented.savings}
              status={
                r.target.implementedReached.costStatus ?? statusOf(r.target.implementedReached.cost)
              }
              testId="implemented-cost"
            />
            <div className="card">
              <div className="figure-label">{s.cards.pipeline}</div>
              <div className="figure">{r.pipeline.count}</div>
              <div className="muted">{s.cards.pipelineHint}</div>
              <div className="muted" data-testid="overdue-count">
                {s.cards.overdue}: <strong>{r.overdue.count}</strong> (
                {s.cards.overdueHint(r.overdue.denominator.implementingCount)})
              </div>
            </div>
          </div>
        </>
      )}

      <div className="grid-2">
        <section className="card" aria-labelledby="h-agencies">
          <h2 id="h-agencies">{s.agencies}</h2>
          {perAgency.data && (
            <>
              <Chart
                height={Math.max(220, perAgency.data.length * 56 + 60)}
                option={agencyOption}
                label={s.agenciesLabel}
                testId="agency-chart"
              />
              <details>
                <summary>{s.table}</summary>
                <div className="table-wrap">
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">{s.agency}</th>
                        <th scope="col" className="num">
                          {s.baselineCount}
                        </th>
                        <th scope="col" className="num">
                          {s.approvedPct}
                        </th>
                        <th scope="col" className="num">
                          {s.implementedPct}
                        </th>
                        <th scope="col" className="num">
                          {s.countPct}
                        </th>
                        <th scope="col" className="num">
                          {s.pipelineCount}
                        </th>
                        <th scope="col" className="num">
                          {s.overdueCount}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {perAgency.data.map((a) => (
                        <tr key={a.agency.id}>
                          <th scope="row">{a.agency.name}</th>
                          <td className="num">{a.baselineCount}</td>
                          <td className="num">{formatPercent(a.approvedCostPct)}</td>
                          <td className="num">{formatPercent(a.implementedCostPct)}</td>
                          <td className="num">{formatPercent(a.approvedCountPct)}</td>
                          <td className="num">{a.pipelineCount}</td>
                          <td className="num">{a.overdueCount}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </details>
            </>
          )}
        </section>
        <section className="card" aria-labelledby="h-series">
          <h2 id="h-series">{s.series}</h2>
          {r && !hasSeries && <p className="muted">{s.seriesEmpty}</p>}
          {r && (
            <>
              <Chart
                height={280}
                option={seriesOption}
                label={s.seriesLabel}
                testId="series-chart"
              />
              <details>
                <summary>{s.table}</summary>
                <div className="table-wrap">
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">{s.month}</th>
                        <th scope="col" className="num">
                          {s.approvedSeries}
                        </th>
                        <th scope="col" className="num">
                          {s.implementedSeries}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {series
                        .filter(
                          (p, i) =>
                            i === series.length - 1 ||
                            p.approved !== series[i + 1]?.approved ||
                            p.implemented !== series[i + 1]?.implemented,
                        )
                        .map((p) => (
                          <tr key={p.month}>
                            <th scope="row">{monthLabel(p.month)}</th>
                            <td className="num">{formatPercent(p.approved)}</td>
                            <td className="num">{formatPercent(p.implemented)}</td>
                          </tr>
                        ))}
                    </tbody>
                  </table>
                </div>
              </details>
            </>
          )}
        </section>
      </div>

      <div className="grid-2">
        <section className="card" aria-labelledby="h-pipeline">
          <h2 id="h-pipeline">{s.pipelineTitle}</h2>
          {r && (
            <Chart
              height={260}
              option={pipelineOption}
              label={`${s.pipelineLabel}: ${stages.map((x) => `${x.name} ${x.value}`).join(', ')}`}
              testId="pipeline-chart"
            />
          )}
          <p>
            <Link to="/chinh-phu/kiem-soat">{t().government.nav.review}</Link> (
            {review.data?.length ?? '…'}) ·{' '}
            <Link to="/chinh-phu/quyet-dinh">{t().government.nav.decisions}</Link> (
            {awaiting.data?.length ?? '…'})
          </p>
        </section>
        <section className="card" aria-labelledby="h-overdue">
          <h2 id="h-overdue">{s.overdueTitle}</h2>
          {overdue.data && overdue.data.length === 0 && <p className="muted">{s.overdueNone}</p>}
          {overdue.data && overdue.data.length > 0 && (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{s.regulation}</th>
                    <th scope="col">{s.agency}</th>
                    <th scope="col">{s.deadline}</th>
                    <th scope="col" className="num">
                      {s.daysOverdue}
                    </th>
                    <th scope="col">{t().government.reminders.column}</th>
                  </tr>
                </thead>
                <tbody>
                  {overdue.data.map((o) => (
                    <Fragment key={o.regulationId}>
                      <tr>
                        <td>
                          <Link to={`/quy-dinh/${o.regulationId}`}>{o.title}</Link>
                          <div className="muted">{o.decision.number ?? ''}</div>
                        </td>
                        <td>{o.agency.code}</td>
                        <td>{formatDate(o.implementationDeadline)}</td>
                        <td className="num">{o.daysOverdue}</td>
                        <td>
                          <button
                            type="button"
                            className="button"
                            aria-expanded={remindFor === o.regulationId}
                            aria-label={t().government.reminders.buttonFor(o.title)}
                            onClick={() => {
                              setReminded(null);
                              setRemindFor(remindFor === o.regulationId ? null : o.regulationId);
                            }}
                          >
                            {t().government.reminders.button}
                          </button>
                        </td>
                      </tr>
                      {(remindFor === o.regulationId || reminded === o.regulationId) && (
                        <tr>
                          <td colSpan={5}>
                            {reminded === o.regulationId ? (
                              <Banner
                                kind="success"
                                messages={[t().government.reminders.sent]}
                                title=""
                              />
                            ) : (
                              <ReminderForm
                                regulationId={o.regulationId}
                                title={o.title}
                                onSent={() => {
                                  setRemindFor(null);
                                  setReminded(o.regulationId);
                                }}
                              />
                            )}
                          </td>
                        </tr>
                      )}
                    </Fragment>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </div>
    </div>
  );
}

function statusOf(reached: boolean): CostTargetStatus {
  return reached ? 'reached' : 'not_reached';
}

function TargetCard(props: {
  label: string;
  pct: number | null;
  target: number;
  savings: string;
  status: CostTargetStatus;
  testId: string;
}) {
  const s = t().government.dashboard;
  const reached = props.status === 'reached';
  const share = Math.min(100, ((props.pct ?? 0) / (props.target || 100)) * 100);
  return (
    <div className="card" data-testid={props.testId}>
      <div className="figure-label">{props.label}</div>
      <div className="figure">{formatPercent(props.pct)}</div>
      <div
        className="progress"
        role="progressbar"
        aria-label={props.label}
        aria-valuemin={0}
        aria-valuemax={props.target}
        aria-valuenow={props.pct ?? 0}
      >
        <span style={{ width: `${share}%`, background: reached ? GREEN : BLUE }} />
      </div>
      <div className="muted">
        {s.cards.savings(formatMoney(props.savings))} ·{' '}
        <span className={`badge ${reached ? 'badge-ok' : 'badge-warn'}`}>
          {reached
            ? s.cards.reached
            : props.status === 'low_coverage'
              ? s.cards.lowCoverage
              : s.cards.notReached}
        </span>
      </div>
    </div>
  );
}
