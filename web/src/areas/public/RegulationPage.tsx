import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, ok } from '../../api/client';
import type { CostEstimate, RegulationDetail } from '../../api/types';
import { formatDate, formatMoney, formatPercent } from '../../format';
import { label, t } from '../../i18n';
import { Facts, QueryView, StateBadge } from '../../ui/common';
import { PublicCommentBox } from '../public-comments/PublicCommentBox';
import { useOpenConsultations, useRegulation, useSectorNames } from './queries';

/** Baseline beside proposed: annual cost, savings, reduction. */
export function CostSummary({ r }: { r: RegulationDetail }) {
  const s = t().portal.regulation;
  return (
    <div className="grid cost-summary">
      <div className="card">
        <div className="figure-label">{s.baseline}</div>
        <div className="figure">{formatMoney(r.baselineCost)}</div>
      </div>
      <div className="card">
        <div className="figure-label">{s.proposed}</div>
        <div className="figure">{formatMoney(r.proposedCost)}</div>
      </div>
      <div className="card">
        <div className="figure-label">{s.savings}</div>
        <div className="figure">{formatMoney(r.savings)}</div>
        <div className="muted">
          {s.reduction}: {formatPercent(r.reductionPct)}
        </div>
      </div>
    </div>
  );
}

export function RegulationFacts({ r }: { r: RegulationDetail }) {
  const s = t().portal.regulation;
  const c = t().common;
  const sectors = useSectorNames();
  return (
    <Facts
      items={[
        [
          s.document,
          r.legalDocument ? `${r.legalDocument.number} — ${r.legalDocument.title}` : c.none,
        ],
        [s.provision, r.provision],
        [s.category, label(c.categories, r.category)],
        [s.sector, sectors.data?.get(r.sector) ?? r.sector],
        [s.procedureCode, r.procedureCode ?? c.none],
        [s.subjects, r.subjectTypes.map((x) => label(c.subjectTypes, x)).join(', ') || c.none],
        [s.state, <StateBadge key="s" state={r.stateName} />],
      ]}
    />
  );
}

/** /quy-dinh/:id — a regulation's public page. */
export function RegulationPage() {
  const { id = '' } = useParams();
  const s = t().portal.regulation;
  const c = t().common;
  const query = useRegulation(id);
  const rounds = useOpenConsultations(id);
  const hasPlan = Boolean(query.data?.plan);
  const estimates = useQuery({
    queryKey: ['estimates', id],
    enabled: hasPlan,
    queryFn: async () =>
      (await ok(
        api.GET('/regulations/{id}/cost-estimates', { params: { path: { id } } }),
      )) as unknown as { items?: CostEstimate[] } | CostEstimate[],
  });
  return (
    <div className="page">
      <p>
        <Link to="/tra-cuu">← {s.back}</Link>
      </p>
      <QueryView query={query}>
        {(r) => (
          <>
            <h1>{r.title}</h1>
            <div className="grid-2">
              <section className="card" aria-labelledby="h-facts">
                <h2 id="h-facts" className="sr-only">
                  {s.document}
                </h2>
                <RegulationFacts r={r} />
              </section>
              <section className="card" aria-labelledby="h-desc">
                <h2 id="h-desc">{s.description}</h2>
                <p>{r.description}</p>
              </section>
            </div>
            <section aria-labelledby="h-plan">
              <h2 id="h-plan">{s.plan}</h2>
              {r.plan ? (
                <div className="card">
                  <Facts
                    items={[
                      [s.action, label(c.planActions, r.plan.action)],
                      [s.description, r.plan.description],
                    ]}
                  />
                </div>
              ) : (
                <p className="muted">{s.noPlan}</p>
              )}
            </section>
            {(r.baselineCost || r.proposedCost) && (
              <section aria-labelledby="h-costs">
                <h2 id="h-costs">{s.costs}</h2>
                <CostSummary r={r} />
                {estimates.data && <EstimateList data={estimates.data} />}
              </section>
            )}
            {rounds.data && rounds.data.length > 0 && (
              <section aria-labelledby="h-rounds">
                <h2 id="h-rounds">{s.rounds}</h2>
                <ul>
                  {rounds.data.map((x) => (
                    <li key={x.id}>
                      {label(t().portal.consultations.rounds, x.round)}:{' '}
                      {t().portal.consultations.closes} {formatDate(x.closesAt)}
                    </li>
                  ))}
                </ul>
              </section>
            )}
            {rounds.data
              ?.filter((x) => x.round === 'association')
              .map((x) => (
                <PublicCommentBox key={x.id} roundId={x.id} />
              ))}
          </>
        )}
      </QueryView>
    </div>
  );
}

function EstimateList({ data }: { data: { items?: CostEstimate[] } | CostEstimate[] }) {
  const list = Array.isArray(data) ? data : (data.items ?? []);
  const s = t().portal.regulation;
  if (!list.length) return null;
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col" className="num">
              {t().officer.estimate.unitCost}
            </th>
            <th scope="col" className="num">
              {t().officer.estimate.annualCost}
            </th>
          </tr>
        </thead>
        <tbody>
          {list.map((e) => (
            <tr key={e.kind}>
              <th scope="row">{e.kind === 'baseline' ? s.baseline : s.proposed}</th>
              <td className="num">{formatMoney(e.unitCost)}</td>
              <td className="num">{formatMoney(e.annualCost)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
