import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ok, rawFetch } from '../../api/client';
import { mapErrors } from '../../api/problem';
import { Banner, Form, NumberField, SelectField, TextArea, TextField } from '../../forms/fields';
import { useForm } from '../../forms/use-form';
import { formatDateTime, formatDecimal, formatMoney, formatPercent } from '../../format';
import { label, t } from '../../i18n';
import { costLines, emptyFeedback, feedbackBody } from './feedback-form';
import { estimates, openRounds, regulation } from './queries';
import type { Estimate } from './types';

/** A round: the regulation with its costs and plan, and the feedback form. */
export function RoundPage() {
  const { id = '' } = useParams();
  const s = t().association;
  const data = useQuery({
    queryKey: ['round', id],
    queryFn: async () => {
      const round = (await openRounds()).find((r) => r.id === id) ?? null;
      if (!round) return null;
      const [reg, est] = await Promise.all([
        regulation(round.regulationId),
        estimates(round.regulationId),
      ]);
      return { round, regulation: reg, estimates: est };
    },
  });
  if (data.error) return <Banner messages={mapErrors(data.error).banner} />;
  if (data.isPending) return <p>{t().common.loading}</p>;
  if (!data.data) {
    return (
      <div className="page">
        <h1>{s.round.closed}</h1>
        <Link to="/gop-y">{s.round.back}</Link>
      </div>
    );
  }
  const { round, regulation: r, estimates: est } = data.data;
  return (
    <div className="page">
      <p>
        <Link to="/gop-y">← {s.round.back}</Link>
      </p>
      <h1>{r.title}</h1>
      <p className="lead">
        <span className="badge badge-warn">{s.round.closes(formatDateTime(round.closesAt))}</span>{' '}
        <span className="badge badge-state">{label(s.rounds.kinds, round.round)}</span>
      </p>
      <div className="grid-2">
        <section className="card" aria-labelledby="h-reg">
          <h2 id="h-reg">{s.rounds.regulation}</h2>
          <dl className="facts">
            <dt>{s.round.document}</dt>
            <dd>
              {r.legalDocument?.number} – {r.legalDocument?.title}
            </dd>
            <dt>{s.round.provision}</dt>
            <dd>{r.provision}</dd>
            <dt>{s.round.category}</dt>
            <dd>{label(t().common.categories, r.category)}</dd>
            <dt>{s.round.state}</dt>
            <dd>{label(t().common.states, r.stateName)}</dd>
          </dl>
          <p>{r.description}</p>
          <h3>{s.round.plan}</h3>
          {r.plan ? (
            <p>
              <strong>{label(t().common.planActions, r.plan.action)}:</strong> {r.plan.description}
            </p>
          ) : (
            <p className="muted">{s.round.noPlan}</p>
          )}
        </section>
        <section className="card" aria-labelledby="h-costs">
          <h2 id="h-costs">{s.round.costs}</h2>
          <dl className="facts">
            <dt>{s.estimates.baseline}</dt>
            <dd>{formatMoney(r.baselineCost)}</dd>
            <dt>{s.estimates.proposed}</dt>
            <dd>{formatMoney(r.proposedCost)}</dd>
            <dt>{s.round.savings}</dt>
            <dd>{formatMoney(r.savings)}</dd>
            <dt>{s.round.reduction}</dt>
            <dd>{formatPercent(r.reductionPct)}</dd>
          </dl>
          <EstimateTable estimate={est.baseline} />
          <EstimateTable estimate={est.proposed} />
        </section>
      </div>
      <FeedbackForm roundId={round.id} baseline={est.baseline} proposed={est.proposed} />
    </div>
  );
}

function EstimateTable({ estimate }: { estimate: Estimate | null }) {
  const s = t().association;
  if (!estimate) return null;
  return (
    <>
      <h3>{s.estimates[estimate.kind]}</h3>
      <div className="table-wrap">
        <table>
          <caption className="sr-only">{s.estimates[estimate.kind]}</caption>
          <tbody>
            {estimate.activities.map((a, i) => (
              <tr key={i}>
                <th scope="row">{s.fields.hours(a.name)}</th>
                <td className="num">{formatDecimal(a.hours)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{s.fields.feesAndCharges}</th>
              <td className="num">{formatMoney(estimate.feesAndCharges)}</td>
            </tr>
            <tr>
              <th scope="row">{s.fields.hiredServices}</th>
              <td className="num">{formatMoney(estimate.hiredServices)}</td>
            </tr>
            <tr>
              <th scope="row">{s.fields.otherCosts}</th>
              <td className="num">{formatMoney(estimate.otherCosts)}</td>
            </tr>
            <tr>
              <th scope="row">{s.fields.frequencyPerYear}</th>
              <td className="num">{formatDecimal(estimate.frequencyPerYear)}</td>
            </tr>
            <tr>
              <th scope="row">{s.fields.subjectsPerYear}</th>
              <td className="num">{formatDecimal(estimate.subjectsPerYear)}</td>
            </tr>
            <tr>
              <th scope="row">{s.round.unitCost}</th>
              <td className="num">{formatMoney(estimate.unitCost)}</td>
            </tr>
            <tr>
              <th scope="row">{s.round.annualCost}</th>
              <td className="num">
                <strong>{formatMoney(estimate.annualCost)}</strong>
              </td>
            </tr>
          </tbody>
        </table>
      </div>
    </>
  );
}

function FeedbackForm(props: {
  roundId: string;
  baseline: Estimate | null;
  proposed: Estimate | null;
}) {
  const s = t().association.form;
  const queryClient = useQueryClient();
  const form = useForm(emptyFeedback());
  const files = useRef<HTMLInputElement>(null);
  const [notice, setNotice] = useState<string[]>([]);
  const [fileErrors, setFileErrors] = useState<string[]>([]);
  const options = [
    { value: 'regulation', label: s.targets.regulation },
    { value: 'plan', label: s.targets.plan },
    ...costLines(props.baseline),
    ...costLines(props.proposed),
  ];
  return (
    <section className="card" aria-labelledby="h-form">
      <h2 id="h-form">{s.title}</h2>
      <Banner kind="success" messages={notice} />
      <Banner messages={fileErrors} />
      <Form
        form={form}
        submitLabel={s.submit}
        onSubmit={async (v) => {
          setNotice([]);
          setFileErrors([]);
          const item = (await ok(
            api.POST('/consultations/{id}/feedback', {
              params: { path: { id: props.roundId } },
              body: feedbackBody(v) as never,
            }),
          )) as unknown as { id: string };
          // The item exists now: each file is sent on its own, a refused one is named in the banner.
          const chosen = [...(files.current?.files ?? [])];
          const failed: string[] = [];
          for (const file of chosen) {
            const data = new FormData();
            data.append('file', file, file.name);
            try {
              await rawFetch(`/feedback/${item.id}/attachments`, { method: 'POST', body: data });
            } catch (err) {
              failed.push(s.fileFailed(file.name, mapErrors(err).banner.join(' ')));
            }
          }
          setFileErrors(failed);
          const sent = chosen.length - failed.length;
          setNotice([sent ? s.sentWithFiles(sent) : s.sent]);
          form.setValues(emptyFeedback());
          if (files.current) files.current.value = '';
          await queryClient.invalidateQueries({ queryKey: ['feedback', 'mine'] });
        }}
      >
        <TextArea form={form} name="content" label={s.content} required rows={5} />
        <SelectField form={form} name="target" label={s.target} options={options} />
        <fieldset>
          <legend>{s.evidence}</legend>
          <div className="fields-inline">
            <NumberField form={form} name="evidence.subjects" label={s.subjects} />
            <NumberField form={form} name="evidence.frequencyPerYear" label={s.frequencyPerYear} />
            <NumberField form={form} name="evidence.hours" label={s.hours} />
            <NumberField form={form} name="evidence.amount" label={s.amount} />
          </div>
          <TextField form={form} name="evidence.note" label={s.note} />
        </fieldset>
        <div className="field">
          <label htmlFor="feedback-files">{s.files}</label>
          <input
            id="feedback-files"
            ref={files}
            type="file"
            multiple
            accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg"
            aria-describedby="feedback-files-hint"
          />
          <p className="hint" id="feedback-files-hint">
            {s.filesHint}
          </p>
        </div>
      </Form>
    </section>
  );
}
