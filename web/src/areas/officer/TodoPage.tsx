import { useQueries, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, ok } from '../../api/client';
import type {
  ConsultationRound,
  Feedback,
  Page,
  Regulation,
  RegulationDetail,
} from '../../api/types';
import { formatDate } from '../../format';
import { label, t } from '../../i18n';
import { useSession } from '../../session/use-session';
import { QueryView, StateBadge } from '../../ui/common';
import { RemindersSection } from './RemindersSection';

/** States in which the owning agency has something to do (domain.md §5). */
const ACTIVE_STATES = [
  'draft',
  'review',
  'costing',
  'drafting_plan',
  'consultation',
  'responding',
  'implementing',
];

/**
 * "Việc cần làm", built from the existing routes: the agency's regulations in active states, each
 * read for its availableEvents (mine), open rounds of the agency, unanswered feedback, and
 * implementations with their deadline.
 */
export function TodoPage() {
  const s = t().officer.todo;
  const session = useSession();
  const agencyId = session?.user.agencyId ?? undefined;
  const list = useQuery({
    queryKey: ['regulations', { agencyId, active: true }],
    queryFn: async () => {
      const pages = await Promise.all(
        ACTIVE_STATES.map(
          (state) =>
            ok(
              api.GET('/regulations', {
                params: { query: { agencyId, state, limit: 100 } as never },
              }),
            ) as Promise<unknown> as Promise<Page<Regulation>>,
        ),
      );
      return pages.flatMap((p) => p.items);
    },
  });
  const details = useQueries({
    queries: (list.data ?? []).map((r) => ({
      queryKey: ['regulation', r.id],
      queryFn: async () =>
        (await ok(
          api.GET('/regulations/{id}', { params: { path: { id: r.id } } }),
        )) as unknown as RegulationDetail,
    })),
  });
  const ready = details.map((d) => d.data).filter((d): d is RegulationDetail => Boolean(d));
  const mine = ready.filter((r) => r.availableEvents.length > 0);
  const responding = ready.filter(
    (r) => r.stateName === 'responding' || r.stateName === 'consultation',
  );
  const unanswered = useQueries({
    queries: responding.map((r) => ({
      queryKey: ['feedback', r.id, 'unanswered'],
      queryFn: async () =>
        (await ok(
          api.GET('/regulations/{id}/feedback', {
            params: { path: { id: r.id }, query: { unanswered: true, limit: 500 } as never },
          }),
        )) as unknown as Page<Feedback>,
    })),
  });
  const ownIds = new Set((list.data ?? []).map((r) => r.id));
  const rounds = useQuery({
    queryKey: ['consultations', 'open'],
    queryFn: async () =>
      (await ok(
        api.GET('/consultations', { params: { query: { status: 'open', limit: 500 } as never } }),
      )) as unknown as Page<ConsultationRound>,
  });
  const closing = (rounds.data?.items ?? [])
    .filter((r) => ownIds.has(r.regulationId))
    .sort((a, b) => a.closesAt.localeCompare(b.closesAt));
  const titleOf = (id: string) => (list.data ?? []).find((r) => r.id === id)?.title ?? id;
  const implementing = ready.filter((r) => r.stateName === 'implementing');

  return (
    <div className="page">
      <h1>{s.title}</h1>
      <QueryView query={list}>
        {() => (
          <div className="grid-2">
            <RemindersSection />
            <section className="card" aria-labelledby="todo-mine">
              <h2 id="todo-mine">{s.actionable}</h2>
              {mine.length === 0 ? (
                <p className="muted">{s.actionableNone}</p>
              ) : (
                <ul className="todo-list">
                  {mine.map((r) => (
                    <li key={r.id}>
                      <Link to={`/bo-nganh/quy-dinh/${r.id}`}>{r.title}</Link>{' '}
                      <StateBadge state={r.stateName} />
                      <div className="muted">
                        {r.availableEvents.map((e) => label(t().officer.events, e)).join(' · ')}
                      </div>
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section className="card" aria-labelledby="todo-feedback">
              <h2 id="todo-feedback">{s.unanswered}</h2>
              {responding.every((_, i) => (unanswered[i]?.data?.items.length ?? 0) === 0) ? (
                <p className="muted">{s.unansweredNone}</p>
              ) : (
                <ul className="todo-list">
                  {responding.map((r, i) => {
                    const n = unanswered[i]?.data?.items.length ?? 0;
                    return n ? (
                      <li key={r.id}>
                        <Link to={`/bo-nganh/quy-dinh/${r.id}?tab=consultation`}>{r.title}</Link>{' '}
                        <span className="badge badge-warn">{s.items(n)}</span>
                      </li>
                    ) : null;
                  })}
                </ul>
              )}
            </section>
            <section className="card" aria-labelledby="todo-rounds">
              <h2 id="todo-rounds">{s.closing}</h2>
              {closing.length === 0 ? (
                <p className="muted">{s.closingNone}</p>
              ) : (
                <ul className="todo-list">
                  {closing.map((r) => (
                    <li key={r.id}>
                      <Link to={`/bo-nganh/quy-dinh/${r.regulationId}?tab=consultation`}>
                        {titleOf(r.regulationId)}
                      </Link>{' '}
                      — {label(t().portal.consultations.rounds, r.round)},{' '}
                      {t().officer.feedback.closes} <strong>{formatDate(r.closesAt)}</strong>
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section className="card" aria-labelledby="todo-impl">
              <h2 id="todo-impl">{s.implementing}</h2>
              {implementing.length === 0 ? (
                <p className="muted">{s.implementingNone}</p>
              ) : (
                <ul className="todo-list">
                  {implementing.map((r) => (
                    <li key={r.id}>
                      <Link to={`/bo-nganh/quy-dinh/${r.id}`}>{r.title}</Link>{' '}
                      <span
                        className={`badge ${JSON.stringify(r.state).includes('overdue') ? 'badge-warn' : 'badge-ok'}`}
                      >
                        {JSON.stringify(r.state).includes('overdue') ? 'quá hạn' : 'đúng hạn'}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>
        )}
      </QueryView>
    </div>
  );
}
