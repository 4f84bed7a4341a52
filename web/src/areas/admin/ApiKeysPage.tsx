import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ok } from '../../api/client';
import { mapErrors } from '../../api/problem';
import { Banner, Form, SelectField, TextField } from '../../forms/fields';
import { useForm } from '../../forms/use-form';
import { formatDateTime } from '../../format';
import { label, t } from '../../i18n';
import { AdminTabs } from './AdminTabs';
import { listAgencies, listApiKeys, type ApiKey } from './queries';

export function ApiKeysPage() {
  const s = t().admin.apiKeys;
  const [created, setCreated] = useState<ApiKey | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const keys = useQuery({ queryKey: ['admin', 'api-keys'], queryFn: listApiKeys });
  const agencies = useQuery({ queryKey: ['admin', 'agencies'], queryFn: listAgencies });
  const agencyCode = (id: string) => agencies.data?.find((a) => a.id === id)?.code ?? '';
  const form = useForm({ name: '', agencyId: '', access: 'read' });
  const revoke = async (k: ApiKey) => {
    setErrors([]);
    try {
      await ok(api.POST('/api-keys/{id}/revoke', { params: { path: { id: k.id } } }));
      await keys.refetch();
    } catch (err) {
      setErrors(mapErrors(err).banner);
    }
  };
  return (
    <div className="page">
      <h1>{s.title}</h1>
      <AdminTabs />
      <p className="lead">{s.intro}</p>
      {created?.key && (
        <div className="banner banner-success" role="status">
          <strong>{s.shownOnce}</strong>
          <div className="field">
            <label htmlFor="new-api-key">{s.key}</label>
            <input
              id="new-api-key"
              readOnly
              value={created.key}
              onFocus={(e) => e.target.select()}
            />
          </div>
        </div>
      )}
      <Banner messages={errors} />
      <div className="grid-2">
        <div className="table-wrap" style={{ minWidth: 0 }}>
          <table>
            <thead>
              <tr>
                <th scope="col">{s.name}</th>
                <th scope="col">{s.access}</th>
                <th scope="col">{s.lastUsed}</th>
                <th scope="col">{t().admin.actions}</th>
              </tr>
            </thead>
            <tbody>
              {keys.data?.map((k) => (
                <tr key={k.id}>
                  <td>
                    {k.name}
                    <div className="muted">
                      {agencyCode(k.agencyId)} · {k.prefix}… · {formatDateTime(k.createdAt)}
                    </div>
                  </td>
                  <td>{label(s.accesses, k.access)}</td>
                  <td>{formatDateTime(k.lastUsedAt)}</td>
                  <td>
                    {k.revokedAt ? (
                      <span className="badge badge-warn">{s.revoked}</span>
                    ) : (
                      <button
                        type="button"
                        className="button button-small button-danger"
                        aria-label={`${s.revoke}: ${k.name}`}
                        onClick={() => void revoke(k)}
                      >
                        {s.revoke}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <section className="card" aria-labelledby="h-new-key">
          <h2 id="h-new-key">{s.create}</h2>
          <Form
            form={form}
            submitLabel={s.create}
            onSubmit={async (v) => {
              setCreated(null);
              const key = (await ok(
                api.POST('/api-keys', { body: { ...v, name: v.name.trim() } as never }),
              )) as unknown as ApiKey;
              setCreated(key);
              form.setValues({ name: '', agencyId: v.agencyId, access: v.access });
              await keys.refetch();
            }}
          >
            <TextField form={form} name="name" label={s.name} required />
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
            <SelectField
              form={form}
              name="access"
              label={s.access}
              options={Object.entries(s.accesses).map(([value, l]) => ({ value, label: l }))}
            />
          </Form>
        </section>
      </div>
    </div>
  );
}
