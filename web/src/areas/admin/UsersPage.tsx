import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ok } from '../../api/client';
import { mapErrors } from '../../api/problem';
import { Banner, Form, SelectField, TextField } from '../../forms/fields';
import { useForm } from '../../forms/use-form';
import { label, t } from '../../i18n';
import { AdminTabs } from './AdminTabs';
import { listAgencies, listUsers, type User } from './queries';

export function UsersPage() {
  const s = t().admin.users;
  const [notice, setNotice] = useState<string[]>([]);
  const [errors, setErrors] = useState<string[]>([]);
  const [resetFor, setResetFor] = useState<string | null>(null);
  const users = useQuery({ queryKey: ['admin', 'users'], queryFn: listUsers });
  const agencies = useQuery({ queryKey: ['admin', 'agencies'], queryFn: listAgencies });
  const agencyName = (id: string) => agencies.data?.find((a) => a.id === id)?.code ?? '';
  const form = useForm({
    email: '',
    fullName: '',
    role: 'ministry_officer',
    agencyId: '',
    password: '',
  });
  const reset = useForm({ password: '' });

  const setActive = async (u: User, active: boolean) => {
    setErrors([]);
    try {
      await ok(
        api.PATCH('/users/{id}', { params: { path: { id: u.id } }, body: { active } as never }),
      );
      setNotice([active ? s.activated(u.email) : s.deactivated(u.email)]);
      await users.refetch();
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
        {/* min-width 0: a grid cell may shrink below the table, which then scrolls in its box */}
        <section aria-labelledby="h-users" style={{ minWidth: 0 }}>
          <h2 id="h-users" className="sr-only">
            {s.title}
          </h2>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{s.fullName}</th>
                  <th scope="col">{s.role}</th>
                  <th scope="col">{s.status}</th>
                  <th scope="col">{t().admin.actions}</th>
                </tr>
              </thead>
              <tbody>
                {users.data?.map((u) => (
                  <tr key={u.id}>
                    <td>
                      {u.fullName}
                      <div className="muted">{u.email}</div>
                    </td>
                    <td>
                      {label(t().common.roles, u.role)}
                      <div className="muted">{agencyName(u.agencyId)}</div>
                    </td>
                    <td>
                      <span className={`badge ${u.active ? 'badge-ok' : 'badge-warn'}`}>
                        {u.active ? t().admin.active : t().admin.inactive}
                      </span>
                    </td>
                    <td>
                      <div className="actions-bar">
                        <button
                          type="button"
                          className={`button button-small ${u.active ? 'button-danger' : ''}`}
                          aria-label={`${u.active ? s.deactivate : s.activate}: ${u.email}`}
                          onClick={() => void setActive(u, !u.active)}
                        >
                          {u.active ? s.deactivate : s.activate}
                        </button>
                        <button
                          type="button"
                          className="button button-small"
                          aria-label={`${s.resetPassword}: ${u.email}`}
                          aria-expanded={resetFor === u.id}
                          onClick={() => {
                            reset.setValues({ password: '' });
                            reset.clearErrors();
                            setResetFor(resetFor === u.id ? null : u.id);
                          }}
                        >
                          {s.resetPassword}
                        </button>
                      </div>
                      {resetFor === u.id && (
                        <Form
                          form={reset}
                          submitLabel={s.setPassword}
                          onSubmit={async (v) => {
                            await ok(
                              api.PATCH('/users/{id}', {
                                params: { path: { id: u.id } },
                                body: { password: v.password } as never,
                              }),
                            );
                            setResetFor(null);
                            setNotice([s.passwordSet(u.email)]);
                          }}
                        >
                          <TextField
                            form={reset}
                            name="password"
                            type="password"
                            label={s.newPassword}
                            autoComplete="new-password"
                            required
                          />
                        </Form>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
        <section className="card" aria-labelledby="h-new-user">
          <h2 id="h-new-user">{s.create}</h2>
          <Form
            form={form}
            submitLabel={s.create}
            onSubmit={async (v) => {
              await ok(
                api.POST('/users', {
                  body: { ...v, email: v.email.trim(), fullName: v.fullName.trim() } as never,
                }),
              );
              setNotice([s.createdUser(v.email.trim())]);
              form.setValues({
                email: '',
                fullName: '',
                role: v.role,
                agencyId: v.agencyId,
                password: '',
              });
              await users.refetch();
            }}
          >
            <TextField
              form={form}
              name="email"
              type="email"
              label={s.email}
              autoComplete="off"
              required
            />
            <TextField form={form} name="fullName" label={s.fullName} required />
            <SelectField
              form={form}
              name="role"
              label={s.role}
              options={Object.entries(t().common.roles).map(([value, l]) => ({ value, label: l }))}
            />
            <SelectField
              form={form}
              name="agencyId"
              label={s.agency}
              emptyLabel="—"
              required
              options={(agencies.data ?? []).map((a) => ({
                value: a.id,
                label: `${a.code} – ${a.name}`,
              }))}
            />
            <TextField
              form={form}
              name="password"
              type="password"
              label={s.password}
              hint={s.passwordHint}
              autoComplete="new-password"
              required
            />
          </Form>
        </section>
      </div>
    </div>
  );
}
