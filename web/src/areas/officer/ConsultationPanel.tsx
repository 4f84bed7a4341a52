import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, download, ok } from '../../api/client';
import type { ConsultationReport, Feedback, RegulationDetail } from '../../api/types';
import { Banner, Form, SelectField, TextArea, TextField } from '../../forms/fields';
import { useForm } from '../../forms/use-form';
import { formatDate, formatDateTime, parseNumberInput } from '../../format';
import { label, t } from '../../i18n';
import { QueryView } from '../../ui/common';
import { officerKeys, useRegulationFeedback, useRounds } from './queries';

/** Rounds, every feedback item with its answer form (tiếp thu, giải trình), and the report. */
export function ConsultationPanel({ r }: { r: RegulationDetail }) {
  const s = t().officer.feedback;
  const rounds = useRounds(r.id);
  const feedback = useRegulationFeedback(r.id);
  const [reportError, setReportError] = useState<string[]>([]);
  const firstRound = rounds.data?.[0];
  return (
    <>
      <section className="card" aria-labelledby="rounds-h">
        <h2 id="rounds-h">{s.rounds}</h2>
        <QueryView query={rounds}>
          {(items) =>
            items.length === 0 ? (
              <p className="muted">{t().portal.consultations.none}</p>
            ) : (
              <ul>
                {items.map((x) => (
                  <li key={x.id}>
                    {label(t().portal.consultations.rounds, x.round)} —{' '}
                    {label(s.roundStatus, x.status)} — {s.closes} {formatDate(x.closesAt)}
                  </li>
                ))}
              </ul>
            )
          }
        </QueryView>
        {firstRound && (
          <div className="actions-bar">
            <Banner messages={reportError} />
            <button
              type="button"
              className="button"
              onClick={() =>
                download(
                  `/consultations/${firstRound.id}/report?format=xlsx`,
                  `bao-cao-y-kien-${r.id}.xlsx`,
                ).catch((e: Error) => setReportError([e.message]))
              }
            >
              {s.downloadReport}
            </button>
          </div>
        )}
      </section>
      {firstRound && <ReportTable consultationId={firstRound.id} />}
      <section aria-labelledby="fb-h">
        <h2 id="fb-h">{s.title}</h2>
        <QueryView query={feedback}>
          {(page) =>
            page.items.length === 0 ? (
              <p className="muted">{s.none}</p>
            ) : (
              <>
                {page.items.map((f) => (
                  <FeedbackItem
                    key={f.id}
                    f={f}
                    regulationId={r.id}
                    onReload={() => void feedback.refetch()}
                  />
                ))}
              </>
            )
          }
        </QueryView>
      </section>
    </>
  );
}

/** The consultation report (GET /consultations/:id/report) on the page: each item in a row. */
function ReportTable({ consultationId }: { consultationId: string }) {
  const s = t().officer.feedback;
  const report = useQuery({
    queryKey: ['consultation-report', consultationId],
    queryFn: async () =>
      (await ok(
        api.GET('/consultations/{id}/report', { params: { path: { id: consultationId } } }),
      )) as unknown as ConsultationReport,
  });
  return (
    <section className="card" aria-labelledby="report-h" data-testid="consultation-report">
      <h2 id="report-h">{s.report}</h2>
      <QueryView query={report}>
        {(rep) => (
          <>
            <p className="muted">
              {s.reportSummary(rep.summary.items, rep.summary.answered, rep.summary.unanswered)} ·{' '}
              {s.reportAsOf(formatDateTime(rep.generatedAt))}
            </p>
            {rep.items.length === 0 ? (
              <p className="muted">{s.none}</p>
            ) : (
              <div className="table-wrap">
                <table>
                  <caption className="sr-only">{s.report}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{s.reportCols.item}</th>
                      <th scope="col">{s.target}</th>
                      <th scope="col">{s.evidence}</th>
                      <th scope="col">{s.answer}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rep.items.map((f) => (
                      <tr key={f.id}>
                        <td>
                          <strong>
                            {f.author.public?.organisation ?? f.author.agencyName} — {f.author.name}
                          </strong>
                          {f.origin === 'public' && (
                            <span className="badge badge-state">
                              {t().publicComments.item.badge}
                            </span>
                          )}
                          <div className="muted">
                            {label(t().portal.consultations.rounds, f.round)} ·{' '}
                            {formatDateTime(f.createdAt)}
                          </div>
                          <div>{f.content}</div>
                        </td>
                        <td>{targetLabel(f)}</td>
                        <td>{evidenceText(f) || '—'}</td>
                        <td>
                          {f.answer ? (
                            <>
                              <span className="badge badge-ok">
                                {label(s.dispositions, f.answer.disposition)}
                              </span>
                              <div>{f.answer.explanation}</div>
                              {f.answer.reEstimate && (
                                <div className="muted">
                                  {s.reEstimate}: {f.answer.reEstimate.value}
                                </div>
                              )}
                            </>
                          ) : (
                            <span className="badge badge-warn">{s.unanswered}</span>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )}
      </QueryView>
    </section>
  );
}

function evidenceText(f: Feedback): string {
  const s = t().officer.feedback;
  const parts = Object.entries(f.evidence ?? {})
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `${label(s.evidenceKeys, k)} ${String(v)}`);
  if (f.attachments.length) parts.push(s.attachments(f.attachments.length));
  return parts.join(' · ');
}

function targetLabel(f: Feedback): string {
  if (!f.target) return label(t().portal.regulation, 'description');
  if (f.target.kind !== 'cost_field')
    return f.target.kind === 'plan'
      ? t().portal.regulation.plan
      : t().portal.regulation.description;
  return `${f.target.estimate === 'proposed' ? t().officer.estimate.proposed : t().officer.estimate.baseline}: ${f.target.field}`;
}

function FeedbackItem({
  f,
  regulationId,
  onReload,
}: {
  f: Feedback;
  regulationId: string;
  onReload: () => void;
}) {
  const s = t().officer.feedback;
  const qc = useQueryClient();
  const isCostField = f.target?.kind === 'cost_field';
  const form = useForm({
    disposition: f.answer?.disposition ?? 'accepted',
    explanation: f.answer?.explanation ?? '',
    reEstimate: { value: f.answer?.reEstimate?.value ?? '' },
  });
  const [saved, setSaved] = useState(false);
  return (
    <article className="card feedback" aria-labelledby={`fb-${f.id}`} data-testid="feedback-item">
      <h3 id={`fb-${f.id}`}>
        {f.author.public?.organisation ?? f.author.agencyName} — {f.author.name}{' '}
        {f.origin === 'public' && (
          <span className="badge badge-state">{t().publicComments.item.badge}</span>
        )}{' '}
        <span className={`badge ${f.answer ? 'badge-ok' : 'badge-warn'}`}>
          {f.answer ? s.answered : s.answer}
        </span>
      </h3>
      {f.author.public?.taxCode && (
        <p className="muted">{t().publicComments.item.taxCode(f.author.public.taxCode)}</p>
      )}
      {f.hidden && (
        <p className="banner banner-info">{t().publicComments.item.hidden(f.hidden.reason)}</p>
      )}
      <p className="muted">
        {formatDateTime(f.createdAt)} · {s.target}: {targetLabel(f)}
      </p>
      <p>{f.content}</p>
      {f.evidence && (
        <p className="muted">
          {s.evidence}: {evidenceText(f)}
        </p>
      )}
      {saved && <Banner kind="success" messages={[s.answered]} title="" />}
      <Form
        form={form}
        submitLabel={s.send}
        onReload={onReload}
        onSubmit={async (v) => {
          setSaved(false);
          const value = v.reEstimate.value.trim();
          await ok(
            api.POST('/feedback/{id}/response', {
              params: { path: { id: f.id } },
              body: {
                disposition: v.disposition as 'accepted',
                explanation: v.explanation,
                ...(isCostField && value && v.disposition !== 'rejected'
                  ? { reEstimate: { value: parseNumberInput(value, 'money') ?? value } }
                  : {}),
              },
            }),
          );
          setSaved(true);
          await qc.invalidateQueries({ queryKey: officerKeys.feedback(regulationId) });
          await qc.invalidateQueries({ queryKey: officerKeys.estimates(regulationId) });
          await qc.invalidateQueries({ queryKey: officerKeys.regulation(regulationId) });
          await qc.invalidateQueries({ queryKey: ['consultation-report'] });
        }}
      >
        <SelectField
          form={form}
          name="disposition"
          label={s.disposition}
          required
          options={Object.entries(s.dispositions).map(([value, label]) => ({ value, label }))}
        />
        <TextArea form={form} name="explanation" label={s.explanation} required rows={3} />
        {isCostField && form.values.disposition !== 'rejected' && (
          <TextField
            form={form}
            name="reEstimate.value"
            label={s.reEstimate}
            inputMode="decimal"
            hint={s.reEstimateHint(f.target?.field ?? '')}
            required={form.values.disposition === 'accepted'}
          />
        )}
      </Form>
      {f.origin === 'public' && !f.hidden && <HideForm f={f} regulationId={regulationId} />}
    </article>
  );
}

/** Moderation of a public comment: hidden with a recorded reason (POST /feedback/:id/hide). */
function HideForm({ f, regulationId }: { f: Feedback; regulationId: string }) {
  const s = t().publicComments.moderation;
  const qc = useQueryClient();
  const form = useForm({ reason: '' });
  return (
    <details className="moderation">
      <summary>{s.title}</summary>
      <Form
        form={form}
        submitLabel={s.submit}
        onSubmit={async (v) => {
          await ok(
            api.POST('/feedback/{id}/hide', {
              params: { path: { id: f.id } },
              body: { reason: v.reason },
            }),
          );
          await qc.invalidateQueries({ queryKey: officerKeys.feedback(regulationId) });
          await qc.invalidateQueries({ queryKey: ['consultation-report'] });
        }}
      >
        <TextArea form={form} name="reason" label={s.reason} hint={s.hint} required rows={2} />
      </Form>
    </details>
  );
}
