import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { formatDateTime } from '../../format';
import { label, t } from '../../i18n';
import { QueryView, StateBadge } from '../../ui/common';
import { useRegulation } from '../public/queries';
import { CostSummary, RegulationFacts } from '../public/RegulationPage';
import { ConsultationPanel } from './ConsultationPanel';
import { EstimateForm } from './EstimateForm';
import { PlanForm } from './PlanForm';
import { useEstimates, useHistory, useParameterSets } from './queries';
import { WorkflowPanel } from './WorkflowPanel';

const TABS = ['overview', 'costs', 'plan', 'consultation', 'history'] as const;
type Tab = (typeof TABS)[number];

/** /bo-nganh/quy-dinh/:id — one regulation's workspace for its agency. */
export function WorkspacePage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as Tab)
    : 'overview';
  const s = t().officer.workspace;
  const query = useRegulation(id);
  const reload = () => void query.refetch();
  return (
    <div className="page">
      <QueryView query={query}>
        {(r) => (
          <>
            <div className="row between">
              <h1>
                {r.title} <StateBadge state={r.stateName} />
              </h1>
              <div className="actions-bar">
                {r.stateName === 'draft' && (
                  <Link className="button" to={`/bo-nganh/quy-dinh/${r.id}/sua`}>
                    {s.edit}
                  </Link>
                )}
                <Link className="button button-ghost" to={`/quy-dinh/${r.id}`}>
                  {s.publicPage}
                </Link>
              </div>
            </div>
            <p className="muted">{s.version(r.version)}</p>
            <WorkflowPanel r={r} onReload={reload} />
            <nav className="tabs" aria-label={r.title}>
              {TABS.map((k) => (
                <a
                  key={k}
                  href={`?tab=${k}`}
                  className={tab === k ? 'active' : ''}
                  aria-current={tab === k ? 'page' : undefined}
                  onClick={(e) => {
                    e.preventDefault();
                    setParams({ tab: k });
                  }}
                >
                  {s.tabs[k]}
                </a>
              ))}
            </nav>
            {tab === 'overview' && (
              <div className="grid-2">
                <section className="card">
                  <RegulationFacts r={r} />
                </section>
                <section className="card">
                  <h2>{t().portal.regulation.description}</h2>
                  <p>{r.description}</p>
                </section>
              </div>
            )}
            {tab === 'costs' && (
              <CostsTab id={r.id} onReload={reload} summary={<CostSummary r={r} />} />
            )}
            {tab === 'plan' && <PlanForm key={r.version} r={r} onReload={reload} />}
            {tab === 'consultation' && <ConsultationPanel r={r} />}
            {tab === 'history' && <HistoryTab id={r.id} />}
          </>
        )}
      </QueryView>
    </div>
  );
}

function CostsTab({
  id,
  onReload,
  summary,
}: {
  id: string;
  onReload: () => void;
  summary: React.ReactNode;
}) {
  const estimates = useEstimates(id);
  const sets = useParameterSets();
  // Kept here: a save bumps the version, which remounts the form with the saved values.
  const [savedKind, setSavedKind] = useState<string | null>(null);
  return (
    <QueryView query={estimates}>
      {(e) => (
        <QueryView query={sets}>
          {(ps) => (
            <>
              {summary}
              <div className="estimates">
                {(['baseline', 'proposed'] as const).map((kind) => (
                  <EstimateForm
                    key={`${kind}-${e[kind]?.version ?? 0}`}
                    regulationId={id}
                    kind={kind}
                    existing={e[kind]}
                    parameterSets={ps.items}
                    justSaved={savedKind === kind}
                    onSaved={(saved) => setSavedKind(saved ? kind : null)}
                    onReload={() => {
                      void estimates.refetch();
                      onReload();
                    }}
                  />
                ))}
              </div>
            </>
          )}
        </QueryView>
      )}
    </QueryView>
  );
}

function HistoryTab({ id }: { id: string }) {
  const s = t().officer.workspace;
  const history = useHistory(id);
  const state = (v: unknown) =>
    label(t().common.states, typeof v === 'string' ? v : Object.keys(v as object)[0]);
  return (
    <QueryView query={history}>
      {(page) =>
        page.items.length === 0 ? (
          <p className="muted">{s.historyNone}</p>
        ) : (
          <ol className="timeline">
            {page.items.map((h) => (
              <li key={h.seq}>
                <strong>{label(t().officer.events, h.event)}</strong>{' '}
                <span className="muted">
                  {formatDateTime(h.at)} · {s.by(label(t().common.roles, h.actorRole))}
                </span>
                <div>
                  {state(h.fromState)} → {state(h.toState)}
                </div>
              </li>
            ))}
          </ol>
        )
      }
    </QueryView>
  );
}
