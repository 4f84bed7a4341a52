import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { mapErrors } from '../api/problem';
import { Banner } from '../forms/fields';
import { label, t } from '../i18n';

export function StateBadge({ state }: { state: string }) {
  return <span className="badge badge-state">{label(t().common.states, state)}</span>;
}

/** Loading text, the error banner with a retry, or the content once the query has data. */
export function QueryView<T>(props: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  const { query } = props;
  if (query.isPending) return <p role="status">{t().common.loading}</p>;
  if (query.isError) {
    return (
      <Banner messages={mapErrors(query.error).banner} onReload={() => void query.refetch()} />
    );
  }
  return <>{props.children(query.data)}</>;
}

/** Cursor paging: the API gives `nextCursor`; "Về trang đầu" goes back to the first page. */
export function Pager(props: {
  nextCursor: string | null | undefined;
  cursor: string | null;
  onCursor: (c: string | null) => void;
}) {
  const c = t().common;
  if (!props.nextCursor && !props.cursor) return null;
  return (
    <nav className="actions-bar pager" aria-label="paging">
      {props.cursor && (
        <button type="button" className="button" onClick={() => props.onCursor(null)}>
          {c.first}
        </button>
      )}
      {props.nextCursor && (
        <button type="button" className="button" onClick={() => props.onCursor(props.nextCursor!)}>
          {c.next}
        </button>
      )}
    </nav>
  );
}

export function Facts({ items }: { items: Array<[string, ReactNode]> }) {
  return (
    <dl className="facts">
      {items.map(([k, v]) => (
        <div key={k} className="fact-row">
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
