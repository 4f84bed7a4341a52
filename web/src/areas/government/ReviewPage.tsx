import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, ok } from '../../api/client';
import { Banner, Form, TextArea } from '../../forms/fields';
import { useForm } from '../../forms/use-form';
import { formatMoney } from '../../format';
import { label, t } from '../../i18n';
import { reasonsOf } from './dashboard-data';
import { regulationsIn } from './DashboardPage';
import type { RegulationRow } from './types';

interface Detail extends RegulationRow {
  baselineCost: string | null;
  proposedCost: string | null;
  savings: string | null;
  availableEvents: string[];
  plan: { action: string; description: string } | null;
}

/** Plans in government_office_review, each with the Government Office's two events. */
export function ReviewPage() {
  const s = t().government.review;
  const [notice, setNotice] = useState<string[]>([]);
  const list = useQuery({
    queryKey: ['regulations', 'government_office_review', 'detail'],
    queryFn: async () => {
      const rows = await regulationsIn('government_office_review');
      return Promise.all(
        rows.map(
          async (r) =>
            (await ok(
              api.GET('/regulations/{id}', { params: { path: { id: r.id } } }),
            )) as unknown as Detail,
        ),
      );
    },
  });
  return (
    <div className="page">
      <h1>{s.title}</h1>
      <p className="lead">{s.intro}</p>
      <Banner kind="success" messages={notice} />
      {list.data?.length === 0 && <p>{s.none}</p>}
      {list.data?.map((r) => (
        <ReviewCard
          key={`${r.id}-${r.version}`}
          regulation={r}
          onDone={(message) => {
            setNotice([message]);
            void list.refetch();
          }}
          onReload={() => void list.refetch()}
        />
      ))}
    </div>
  );
}

function ReviewCard(props: {
  regulation: Detail;
  onDone: (message: string) => void;
  onReload: () => void;
}) {
  const s = t().government.review;
  const r = props.regulation;
  const queryClient = useQueryClient();
  const [returning, setReturning] = useState(false);
  const form = useForm({ reasons: '' });
  const forwardForm = useForm({});
  const send = async (body: Record<string, unknown>) => {
    await ok(
      api.POST('/regulations/{id}/events', {
        params: { path: { id: r.id } },
        headers: { 'If-Match': String(r.version) } as never,
        body: body as never,
      }),
    );
    await queryClient.invalidateQueries({ queryKey: ['regulations'] });
  };
  return (
    <article className="card" aria-labelledby={`rev-${r.id}`}>
      <h2 id={`rev-${r.id}`}>
        <Link to={`/quy-dinh/${r.id}`}>{r.title}</Link>
      </h2>
      <dl className="facts">
        <dt>{s.plan}</dt>
        <dd>
          {r.plan ? `${label(t().common.planActions, r.plan.action)}: ${r.plan.description}` : '—'}
        </dd>
        <dt>{s.baselineCost}</dt>
        <dd>{formatMoney(r.baselineCost)}</dd>
        <dt>{s.proposedCost}</dt>
        <dd>{formatMoney(r.proposedCost)}</dd>
        <dt>{s.savings}</dt>
        <dd>{formatMoney(r.savings)}</dd>
      </dl>
      {!returning && (
        <Form
          form={forwardForm}
          submitLabel={s.forward}
          onReload={props.onReload}
          onSubmit={async () => {
            await send({ type: 'FORWARD_FOR_DECISION' });
            props.onDone(s.forwarded(r.title));
          }}
          extraActions={
            <button
              type="button"
              className="button button-danger"
              onClick={() => setReturning(true)}
            >
              {s.return}
            </button>
          }
        >
          {null}
        </Form>
      )}
      {returning && (
        <Form
          form={form}
          submitLabel={s.confirmReturn}
          onReload={props.onReload}
          onSubmit={async (v) => {
            await send({ type: 'RETURN_FOR_REVISION', reasons: reasonsOf(v.reasons) });
            props.onDone(s.returned(r.title));
          }}
          extraActions={
            <button type="button" className="button" onClick={() => setReturning(false)}>
              {t().common.cancel}
            </button>
          }
        >
          <TextArea form={form} name="reasons" label={s.reasons} required rows={3} />
        </Form>
      )}
    </article>
  );
}
