import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ok } from '../../api/client';
import { Banner, Form, NumberField } from '../../forms/fields';
import { useForm } from '../../forms/use-form';
import { formatDecimal, formatMoney } from '../../format';
import { label, t } from '../../i18n';
import { AdminTabs } from './AdminTabs';
import { emptySet as empty, parameterSetBody, type SetValues } from './parameter-set-form';
import { getJob, listParameterSets, type ParameterSet } from './queries';

export function ParameterSetsPage() {
  const s = t().admin.parameterSets;
  const sets = useQuery({ queryKey: ['admin', 'parameter-sets'], queryFn: listParameterSets });
  const [editing, setEditing] = useState<ParameterSet | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string[]>([]);
  const form = useForm<SetValues>(empty);
  const job = useQuery({
    queryKey: ['job', jobId],
    queryFn: () => getJob(jobId!),
    enabled: Boolean(jobId),
    // Poll while the recalculation runs.
    refetchInterval: (q) =>
      q.state.data && ['succeeded', 'failed'].includes(q.state.data.status) ? false : 500,
  });
  const edit = (p: ParameterSet) => {
    setEditing(p);
    form.clearErrors();
    form.setValues({
      year: String(p.year),
      annualIncomePerCapita: p.annualIncomePerCapita ?? '',
      hourlyRate: p.rateSource === 'explicit' ? p.hourlyRate : '',
      monthsPerYear: p.monthsPerYear,
      workingDaysPerMonth: p.workingDaysPerMonth,
      hoursPerDay: p.hoursPerDay,
    });
  };
  const done = job.data?.progress.done ?? 0;
  const total = job.data?.progress.total ?? 0;
  return (
    <div className="page">
      <h1>{s.title}</h1>
      <AdminTabs />
      <p className="lead">{s.intro}</p>
      <Banner kind="success" messages={notice} />
      {job.data && (
        <section className="card" aria-live="polite" data-testid="recalculation">
          <h2>
            {s.recalculation}: {label(s.jobStatus, job.data.status)}
          </h2>
          <progress
            max={total || 1}
            value={job.data.status === 'succeeded' ? total || 1 : done}
            aria-label={s.recalculation}
          />
          <p className="muted">{s.progress(done, total)}</p>
        </section>
      )}
      <div className="grid-2">
        <div className="table-wrap" style={{ minWidth: 0 }}>
          <table>
            <thead>
              <tr>
                <th scope="col">{s.year}</th>
                <th scope="col" className="num">
                  {s.rate}
                </th>
                <th scope="col" className="num">
                  {s.annualIncomePerCapita}
                </th>
                <th scope="col">{t().admin.actions}</th>
              </tr>
            </thead>
            <tbody>
              {sets.data?.map((p) => (
                <tr key={p.id}>
                  <td>{p.year}</td>
                  <td className="num">{formatMoney(p.hourlyRate)}</td>
                  <td className="num">{formatMoney(p.annualIncomePerCapita)}</td>
                  <td>
                    <button
                      type="button"
                      className="button button-small"
                      aria-label={`${s.edit}: ${p.year}`}
                      onClick={() => edit(p)}
                    >
                      {s.edit}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <section className="card" aria-labelledby="h-set-form">
          <h2 id="h-set-form">{editing ? `${s.edit} ${editing.year}` : s.create}</h2>
          <Form
            form={form}
            submitLabel={editing ? t().common.save : s.create}
            onReload={() =>
              void sets
                .refetch()
                .then(
                  (r) =>
                    editing && r.data && edit(r.data.find((x) => x.id === editing.id) ?? editing),
                )
            }
            extraActions={
              editing && (
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    setEditing(null);
                    form.setValues(empty);
                  }}
                >
                  {t().common.cancel}
                </button>
              )
            }
            onSubmit={async (v) => {
              const body = parameterSetBody(v, Boolean(editing));
              if (editing) {
                const res = (await ok(
                  api.PATCH('/cost-parameter-sets/{id}', {
                    params: { path: { id: editing.id } },
                    headers: { 'If-Match': String(editing.version) } as never,
                    body: body as never,
                  }),
                )) as unknown as ParameterSet & { recalculationJobId: string | null };
                setEditing(res);
                setJobId(res.recalculationJobId);
              } else {
                await ok(api.POST('/cost-parameter-sets', { body: body as never }));
                form.setValues(empty);
              }
              setNotice([t().admin.saved]);
              await sets.refetch();
            }}
          >
            <NumberField form={form} name="year" label={s.year} required />
            <NumberField form={form} name="annualIncomePerCapita" label={s.annualIncomePerCapita} />
            <NumberField
              form={form}
              name="hourlyRate"
              label={s.hourlyRate}
              hint={s.hourlyRateHint}
            />
            <div className="fields-inline">
              <NumberField
                form={form}
                name="monthsPerYear"
                label={s.monthsPerYear}
                hint={formatDecimal('12')}
              />
              <NumberField
                form={form}
                name="workingDaysPerMonth"
                label={s.workingDaysPerMonth}
                hint={formatDecimal('22')}
              />
              <NumberField
                form={form}
                name="hoursPerDay"
                label={s.hoursPerDay}
                hint={formatDecimal('8')}
              />
            </div>
          </Form>
        </section>
      </div>
    </div>
  );
}
