import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, ok } from '../../api/client';
import { Banner, Form, SelectField, TextField } from '../../forms/fields';
import { useForm } from '../../forms/use-form';
import { formatDate, vietnamToday } from '../../format';
import { label, t } from '../../i18n';
import { warningsOf, WarningsNotice, type Warning } from '../../ui/warnings';
import { groupByAgency } from './dashboard-data';
import { regulationsIn } from './DashboardPage';
import type { Agency, Decision, Page } from './types';

/** One decision of the Prime Minister over several awaiting_decision regulations of one agency. */
export function DecisionPage() {
  const s = t().government.decisions;
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string[]>([]);
  const [warnings, setWarnings] = useState<Warning[]>([]);
  const awaiting = useQuery({
    queryKey: ['regulations', 'awaiting_decision'],
    queryFn: () => regulationsIn('awaiting_decision'),
  });
  const agencies = useQuery({
    queryKey: ['agencies'],
    queryFn: async () => ((await ok(api.GET('/agencies'))) as unknown as Page<Agency>).items,
  });
  const decisions = useQuery({
    queryKey: ['decisions'],
    queryFn: async () => ((await ok(api.GET('/decisions'))) as unknown as Page<Decision>).items,
  });
  const groups = groupByAgency(awaiting.data ?? []);
  const agencyName = (id: string) => agencies.data?.find((a) => a.id === id)?.name ?? id;
  const form = useForm({
    agencyId: '',
    regulationIds: [] as string[],
    decisionNumber: '',
    decisionDate: vietnamToday(),
    outcome: 'approved',
    implementationDeadline: '',
  });
  const agencyId = form.values.agencyId || [...groups.keys()][0] || '';
  const picked = form.values.regulationIds.filter((id) =>
    groups.get(agencyId)?.some((r) => r.id === id),
  );
  const pickErrors = form.fieldErrors['regulationIds'] ?? [];

  return (
    <div className="page">
      <h1>{s.title}</h1>
      <p className="lead">{s.intro}</p>
      <Banner kind="success" messages={notice} />
      <WarningsNotice warnings={warnings} />
      {awaiting.data?.length === 0 && <p>{s.none}</p>}
      {groups.size > 0 && (
        <section className="card">
          <Form
            form={form}
            submitLabel={s.submit}
            onReload={() => void awaiting.refetch()}
            onSubmit={async (v) => {
              if (picked.length === 0) {
                form.showErrors({ regulationIds: [s.nonePicked] });
                return;
              }
              const body = {
                decisionNumber: v.decisionNumber.trim(),
                decisionDate: v.decisionDate,
                outcome: v.outcome,
                ...(v.implementationDeadline
                  ? { implementationDeadline: v.implementationDeadline }
                  : {}),
                regulationIds: picked,
              };
              setWarnings([]);
              const recorded = await ok(api.POST('/decisions', { body: body as never }));
              setNotice([s.recorded(body.decisionNumber, picked.length)]);
              setWarnings(warningsOf(recorded));
              form.setValues((x) => ({ ...x, regulationIds: [], decisionNumber: '' }));
              await queryClient.invalidateQueries();
            }}
          >
            <SelectField
              form={form}
              name="agencyId"
              label={s.agency}
              options={[...groups.keys()].map((id) => ({ value: id, label: agencyName(id) }))}
            />
            <fieldset
              className={pickErrors.length ? 'field-invalid' : undefined}
              aria-describedby={pickErrors.length ? 'pick-err' : undefined}
            >
              <legend>{s.pick}</legend>
              {(groups.get(agencyId) ?? []).map((r) => (
                <div className="field field-check" key={r.id}>
                  <input
                    id={`pick-${r.id}`}
                    type="checkbox"
                    data-field="regulationIds"
                    checked={picked.includes(r.id)}
                    onChange={(e) =>
                      form.set(
                        'regulationIds',
                        e.target.checked ? [...picked, r.id] : picked.filter((x) => x !== r.id),
                      )
                    }
                  />
                  <label htmlFor={`pick-${r.id}`}>
                    {r.title}{' '}
                    <span className="muted">
                      ({r.legalDocument?.number ?? ''}, {r.provision})
                    </span>
                  </label>
                </div>
              ))}
              {pickErrors.length > 0 && (
                <p className="field-error" id="pick-err">
                  {pickErrors.join('; ')}
                </p>
              )}
            </fieldset>
            <div className="fields-inline">
              <TextField
                form={form}
                name="decisionNumber"
                label={s.decisionNumber}
                hint={s.decisionNumberHint}
                required
              />
              <TextField
                form={form}
                name="decisionDate"
                type="date"
                label={s.decisionDate}
                required
              />
              <SelectField
                form={form}
                name="outcome"
                label={s.outcome}
                options={Object.entries(s.outcomes).map(([value, l]) => ({ value, label: l }))}
              />
              <TextField
                form={form}
                name="implementationDeadline"
                type="date"
                label={s.deadline}
                hint={s.deadlineHint}
              />
            </div>
          </Form>
        </section>
      )}
      <h2>{s.recent}</h2>
      {decisions.data?.length === 0 && <p className="muted">{s.recentNone}</p>}
      {decisions.data && decisions.data.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{s.decisionNumber}</th>
                <th scope="col">{s.decisionDate}</th>
                <th scope="col">{s.agency}</th>
                <th scope="col">{s.outcome}</th>
                <th scope="col">{s.deadline}</th>
                <th scope="col">{s.regulations}</th>
              </tr>
            </thead>
            <tbody>
              {decisions.data.map((d) => (
                <tr key={d.id}>
                  <td>{d.decisionNumber}</td>
                  <td>{formatDate(d.decisionDate)}</td>
                  <td>{d.agency.code}</td>
                  <td>{label(s.outcomes, d.outcome)}</td>
                  <td>{formatDate(d.implementationDeadline)}</td>
                  <td>
                    <ul>
                      {d.regulations.map((r) => (
                        <li key={r.id}>
                          <Link to={`/quy-dinh/${r.id}`}>{r.title}</Link>
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
