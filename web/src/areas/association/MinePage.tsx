import { Fragment } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Banner } from '../../forms/fields';
import { mapErrors } from '../../api/problem';
import { formatDate, formatDecimal } from '../../format';
import { label, t } from '../../i18n';
import { fieldLabel } from './feedback-form';
import { estimates, myFeedback, regulation } from './queries';
import type { Estimate, FeedbackItem } from './types';

/** The signed-in user's items, newest first, with the answers they got. */
export function MinePage() {
  const s = t().association.mine;
  const items = useQuery({
    queryKey: ['feedback', 'mine'],
    queryFn: async () => {
      const list = await myFeedback();
      const ids = [...new Set(list.map((f) => f.regulationId))];
      const regs = await Promise.all(
        ids.map(async (id) => {
          const [r, e] = await Promise.all([regulation(id), estimates(id)]);
          return { title: r.title, estimates: e };
        }),
      );
      const byId = new Map(ids.map((id, i) => [id, regs[i]]));
      return list.map((f) => ({ item: f, ...byId.get(f.regulationId)! }));
    },
  });
  return (
    <div className="page">
      <h1>{s.title}</h1>
      {items.error && <Banner messages={mapErrors(items.error).banner} />}
      {items.data?.length === 0 && <p>{s.none}</p>}
      {items.data?.map((x) => (
        <Item key={x.item.id} item={x.item} title={x.title} estimates={x.estimates} />
      ))}
    </div>
  );
}

type Estimates = { baseline: Estimate | null; proposed: Estimate | null };

function targetText(item: FeedbackItem, est: Estimates): string {
  const a = t().association;
  const target = item.target;
  if (!target) return a.form.targets.regulation;
  if (target.kind !== 'cost_field') return a.form.targets[target.kind];
  return `${a.estimates[target.estimate]} – ${fieldLabel(target.field, est[target.estimate])}`;
}

function Item({
  item,
  title,
  estimates: est,
}: {
  item: FeedbackItem;
  title: string;
  estimates: Estimates;
}) {
  const s = t().association.mine;
  const f = t().association.form;
  const evidence = Object.entries(item.evidence ?? {}).filter(([, v]) => v !== null && v !== '');
  return (
    <article className="card" aria-labelledby={`fb-${item.id}`}>
      <h2 id={`fb-${item.id}`}>{title}</h2>
      <p className="muted">
        {s.given(formatDate(item.createdAt))} · {s.target}: {targetText(item, est)}
      </p>
      <p>{item.content}</p>
      {evidence.length > 0 && (
        <dl className="facts">
          {evidence.map(([k, v]) => (
            <Fragment key={k}>
              <dt>{(f as unknown as Record<string, string>)[k] ?? k}</dt>
              <dd>{k === 'note' ? v : formatDecimal(v)}</dd>
            </Fragment>
          ))}
        </dl>
      )}
      {item.attachments.length > 0 && (
        <>
          <h3>{s.attachments}</h3>
          <ul>
            {item.attachments.map((a) => (
              <li key={a.id}>
                {a.filename} ({a.fileType.toUpperCase()},{' '}
                {formatDecimal(Math.ceil(a.sizeBytes / 1024))} KB)
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{s.answer}</h3>
      {item.answer ? (
        <div data-testid="answer">
          <p>
            <span
              className={`badge ${item.answer.disposition === 'rejected' ? 'badge-warn' : 'badge-ok'}`}
            >
              {label(s.dispositions, item.answer.disposition)}
            </span>{' '}
            <span className="muted">{s.answeredOn(formatDate(item.answer.answeredAt))}</span>
          </p>
          <p>{item.answer.explanation}</p>
          {item.answer.reEstimate && (
            <p>{s.reEstimate(formatDecimal(item.answer.reEstimate.value))}</p>
          )}
        </div>
      ) : (
        <p className="muted">{s.waiting}</p>
      )}
    </article>
  );
}
