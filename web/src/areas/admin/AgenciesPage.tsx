import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ok } from '../../api/client';
import { mapErrors } from '../../api/problem';
import { Banner, Form, SelectField, TextField } from '../../forms/fields';
import { useForm } from '../../forms/use-form';
import { label, t } from '../../i18n';
import { AdminTabs } from './AdminTabs';
import { listAgencies, type Agency } from './queries';

export function AgenciesPage() {
  const s = t().admin.agencies;
  const [notice, setNotice] = useState<string[]>([]);
  const [errors, setErrors] = useState<string[]>([]);
  const agencies = useQuery({ queryKey: ['admin', 'agencies'], queryFn: listAgencies });
  const form = useForm({ code: '', name: '', kind: 'ministry' });
  const toggle = async (a: Agency) => {
    setErrors([]);
    try {
      await ok(
        api.PATCH('/agencies/{id}', {
          params: { path: { id: a.id } },
          body: { active: !a.active } as never,
        }),
      );
      setNotice([t().admin.saved]);
      await agencies.refetch();
    } catch (err) {
      setErrors(mapErrors(err).banner);
    }
  };
  return (
    <div className="page">
      <h1>{s.title}</h1>
      <AdminTabs />
      <Banner kind="success" messages={notice} />
      <Banner messages={errors} />
      <div className="grid-2">
        <div className="table-wrap" style={{ minWidth: 0 }}>
          <table>
            <thead>
              <tr>
                <th scope="col">{s.code}</th>
                <th scope="col">{s.name}</th>
                <th scope="col">{s.kind}</th>
                <th scope="col">{t().admin.actions}</th>
              </tr>
            </thead>
            <tbody>
              {agencies.data?.map((a) => (
                <tr key={a.id}>
                  <td>{a.code}</td>
                  <td>{a.name}</td>
                  <td>{label(s.kinds, a.kind)}</td>
                  <td>
                    <button
                      type="button"
                      className="button button-small"
                      aria-label={`${a.active ? t().admin.users.deactivate : t().admin.users.activate}: ${a.code}`}
                      onClick={() => void toggle(a)}
                    >
                      {a.active ? t().admin.users.deactivate : t().admin.users.activate}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <section className="card" aria-labelledby="h-new-agency">
          <h2 id="h-new-agency">{s.create}</h2>
          <Form
            form={form}
            submitLabel={s.create}
            onSubmit={async (v) => {
              await ok(
                api.POST('/agencies', {
                  body: { code: v.code.trim(), name: v.name.trim(), kind: v.kind } as never,
                }),
              );
              setNotice([t().admin.created(v.code.trim())]);
              form.setValues({ code: '', name: '', kind: v.kind });
              await agencies.refetch();
            }}
          >
            <TextField form={form} name="code" label={s.code} required />
            <TextField form={form} name="name" label={s.name} required />
            <SelectField
              form={form}
              name="kind"
              label={s.kind}
              options={Object.entries(s.kinds).map(([value, l]) => ({ value, label: l }))}
            />
          </Form>
        </section>
      </div>
    </div>
  );
}
