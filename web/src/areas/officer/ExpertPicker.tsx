import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { api, ok } from '../../api/client';
import type { components } from '../../api/schema';
import type { FormState } from '../../forms/use-form';
import { t } from '../../i18n';

type Expert = components['schemas']['ExpertDto'];

/**
 * Whom to invite to the expert round: a searchable checkbox list of the expert directory
 * (GET /experts). The form value is the list of chosen ids; the chosen stay listed when a new
 * search no longer finds them, so a search never silently drops an invitation.
 */
export function ExpertPicker<T>(p: {
  form: FormState<T>;
  name: string;
  label: string;
  required?: boolean;
}) {
  const s = t().officer.expertPicker;
  p.form.register(p.name);
  const id = useId();
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const known = useRef(new Map<string, Expert>());
  const q = useQuery({
    queryKey: ['experts', search],
    queryFn: () =>
      ok(api.GET('/experts', { params: { query: { search: search || undefined, limit: 50 } } })),
  });
  for (const e of q.data?.items ?? []) known.current.set(e.id, e);
  const chosen = (p.form.get(p.name) as string[] | undefined) ?? [];
  const errors = Object.entries(p.form.fieldErrors)
    .filter(([k]) => k === p.name || k.startsWith(`${p.name}[`))
    .flatMap(([, v]) => v);
  const found = q.data?.items ?? [];
  const missing = chosen
    .filter((c) => !found.some((e) => e.id === c))
    .map((c) => known.current.get(c))
    .filter((e): e is Expert => Boolean(e));
  const toggle = (expertId: string, on: boolean) =>
    p.form.set(
      p.name,
      on
        ? [...chosen.filter((c) => c !== expertId), expertId]
        : chosen.filter((c) => c !== expertId),
    );
  return (
    <fieldset
      className={`expert-picker ${errors.length ? 'field-invalid' : ''}`}
      data-field={p.name}
      aria-describedby={errors.length ? `${id}-err` : undefined}
    >
      <legend>
        {p.label}
        {p.required && (
          <span className="req" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </legend>
      <div className="field">
        <label htmlFor={`${id}-search`}>{s.search}</label>
        <input
          id={`${id}-search`}
          type="search"
          value={typed}
          onChange={(e) => {
            const v = e.target.value;
            setTyped(v);
            clearTimeout(timer.current);
            timer.current = setTimeout(() => setSearch(v.trim()), 250);
          }}
        />
      </div>
      <p className="muted" role="status">
        {q.isPending ? t().common.loading : s.chosen(chosen.length)}
      </p>
      {q.isError && <p className="field-error">{s.loadFailed}</p>}
      <ul className="checklist">
        {[...missing, ...found].map((e) => (
          <li key={e.id}>
            <input
              id={`${id}-${e.id}`}
              type="checkbox"
              checked={chosen.includes(e.id)}
              onChange={(ev) => toggle(e.id, ev.target.checked)}
            />
            <label htmlFor={`${id}-${e.id}`}>
              <strong>{e.fullName}</strong>
              <span className="muted">
                {' — '}
                {[e.organisation.name, e.field].filter(Boolean).join(' · ')}
              </span>
            </label>
          </li>
        ))}
      </ul>
      {!q.isPending && found.length === 0 && <p className="muted">{s.none}</p>}
      {errors.length > 0 && (
        <p className="field-error" id={`${id}-err`}>
          {errors.join('; ')}
        </p>
      )}
    </fieldset>
  );
}
