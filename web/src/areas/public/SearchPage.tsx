import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { t } from '../../i18n';
import { useRegulations } from './queries';
import { RegulationResults } from './RegulationTable';

/** Search filters live in the URL (?search=&category=&state=&cursor=), so a result can be shared. */
export function RegulationFiltersForm(props: {
  params: URLSearchParams;
  onChange: (p: URLSearchParams) => void;
}) {
  const s = t().portal.search;
  const c = t().common;
  const [text, setText] = useState(props.params.get('search') ?? '');
  const apply = (key: string, value: string) => {
    const next = new URLSearchParams(props.params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('cursor');
    props.onChange(next);
  };
  return (
    <form
      className="card fields-inline"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        apply('search', text.trim());
      }}
    >
      <div className="field">
        <label htmlFor="f-search">{s.text}</label>
        <input id="f-search" type="search" value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="f-category">{s.category}</label>
        <select
          id="f-category"
          value={props.params.get('category') ?? ''}
          onChange={(e) => apply('category', e.target.value)}
        >
          <option value="">{c.all}</option>
          {Object.entries(c.categories).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-state">{s.state}</label>
        <select
          id="f-state"
          value={props.params.get('state') ?? ''}
          onChange={(e) => apply('state', e.target.value)}
        >
          <option value="">{c.all}</option>
          {Object.entries(c.states).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
      </div>
      <div className="form-actions field-end">
        <button type="submit" className="button button-primary">
          {c.search}
        </button>
      </div>
    </form>
  );
}

export function SearchPage() {
  const s = t().portal.search;
  const [params, setParams] = useSearchParams();
  const query = useRegulations({
    search: params.get('search') ?? undefined,
    category: params.get('category') ?? undefined,
    state: params.get('state') ?? undefined,
    cursor: params.get('cursor') ?? undefined,
    limit: 20,
  });
  return (
    <div className="page">
      <h1>{s.title}</h1>
      <RegulationFiltersForm
        key={params.get('search') ?? ''}
        params={params}
        onChange={setParams}
      />
      <RegulationResults
        query={query}
        params={params}
        setParams={setParams}
        linkTo={(r) => `/quy-dinh/${r.id}`}
        emptyText={s.none}
      />
    </div>
  );
}
