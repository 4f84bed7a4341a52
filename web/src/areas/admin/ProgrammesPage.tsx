import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ok } from '../../api/client';
import { Banner, CheckboxField, Form, NumberField, TextField } from '../../forms/fields';
import { useForm } from '../../forms/use-form';
import { formatDate, formatPercent, parseNumberInput } from '../../format';
import { t } from '../../i18n';
import { AdminTabs } from './AdminTabs';
import { listProgrammes } from './queries';

const CATEGORIES = Object.keys(t().common.categories);

export function ProgrammesPage() {
  const s = t().admin.programmes;
  const [notice, setNotice] = useState<string[]>([]);
  const programmes = useQuery({ queryKey: ['admin', 'programmes'], queryFn: listProgrammes });
  const initial = {
    code: '',
    name: '',
    startDate: '',
    endDate: '',
    baselineDate: '',
    targetCountPct: '',
    targetCostPct: '',
    minConsultationDays: '30',
    categories: Object.fromEntries(CATEGORIES.map((c) => [c, true])) as Record<string, boolean>,
  };
  const form = useForm(initial);
  const num = (text: string) => {
    const n = parseNumberInput(text);
    return n === null ? text : Number(n);
  };
  return (
    <div className="page">
      <h1>{s.title}</h1>
      <AdminTabs />
      <Banner kind="success" messages={notice} />
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{s.code}</th>
              <th scope="col">{s.name}</th>
              <th scope="col">{s.startDate}</th>
              <th scope="col">{s.endDate}</th>
              <th scope="col">{s.baselineDate}</th>
              <th scope="col" className="num">
                {s.targetCountPct}
              </th>
              <th scope="col" className="num">
                {s.targetCostPct}
              </th>
            </tr>
          </thead>
          <tbody>
            {programmes.data?.map((p) => (
              <tr key={p.id}>
                <td>{p.code}</td>
                <td>{p.name}</td>
                <td>{formatDate(p.startDate)}</td>
                <td>{formatDate(p.endDate)}</td>
                <td>{formatDate(p.baselineDate)}</td>
                <td className="num">{formatPercent(p.targetCountPct)}</td>
                <td className="num">{formatPercent(p.targetCostPct)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section className="card" aria-labelledby="h-new-programme">
        <h2 id="h-new-programme">{s.create}</h2>
        <Form
          form={form}
          submitLabel={s.create}
          onSubmit={async (v) => {
            await ok(
              api.POST('/programmes', {
                body: {
                  code: v.code.trim(),
                  name: v.name.trim(),
                  startDate: v.startDate,
                  endDate: v.endDate,
                  baselineDate: v.baselineDate,
                  targetCountPct: num(v.targetCountPct),
                  targetCostPct: num(v.targetCostPct),
                  minConsultationDays: num(v.minConsultationDays),
                  categories: CATEGORIES.filter((c) => v.categories[c]),
                } as never,
              }),
            );
            setNotice([t().admin.created(v.code.trim())]);
            form.setValues(initial);
            await programmes.refetch();
          }}
        >
          <div className="fields-inline">
            <TextField form={form} name="code" label={s.code} required />
            <TextField form={form} name="name" label={s.name} required className="grow" />
          </div>
          <div className="fields-inline">
            <TextField form={form} name="startDate" type="date" label={s.startDate} required />
            <TextField form={form} name="endDate" type="date" label={s.endDate} required />
            <TextField
              form={form}
              name="baselineDate"
              type="date"
              label={s.baselineDate}
              required
            />
          </div>
          <div className="fields-inline">
            <NumberField form={form} name="targetCountPct" label={s.targetCountPct} />
            <NumberField form={form} name="targetCostPct" label={s.targetCostPct} />
            <NumberField form={form} name="minConsultationDays" label={s.minConsultationDays} />
          </div>
          <fieldset>
            <legend>{s.categories}</legend>
            {CATEGORIES.map((c) => (
              <CheckboxField
                key={c}
                form={form}
                name={`categories.${c}`}
                label={t().common.categories[c]}
              />
            ))}
          </fieldset>
        </Form>
      </section>
    </div>
  );
}
