import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, ok } from '../../api/client';
import { formatDate, formatDateTime } from '../../format';
import { t } from '../../i18n';
import { QueryView } from '../../ui/common';

/** "Việc cần làm": the Government Office's reminders (đôn đốc) to this agency, newest first. */
export function RemindersSection() {
  const s = t().officer.reminders;
  const reminders = useQuery({
    queryKey: ['reminders'],
    queryFn: () => ok(api.GET('/reminders', { params: { query: { limit: 20 } } })),
  });
  return (
    <section className="card" aria-labelledby="todo-reminders" data-testid="reminders">
      <h2 id="todo-reminders">{s.title}</h2>
      <QueryView query={reminders}>
        {(page) =>
          page.items.length === 0 ? (
            <p className="muted">{s.none}</p>
          ) : (
            <ul className="todo-list">
              {page.items.map((r) => (
                <li key={r.id}>
                  <Link to={`/bo-nganh/quy-dinh/${r.regulationId}`}>{r.regulation.title}</Link>{' '}
                  <span className={`badge ${r.overdue ? 'badge-warn' : 'badge-ok'}`}>
                    {r.overdue ? s.overdue : s.onTime}
                  </span>
                  <p>{r.note}</p>
                  <p className="muted">
                    {s.sent(formatDateTime(r.sentAt), r.sentBy.fullName ?? '')}
                    {r.implementationDeadline &&
                      ` · ${s.deadline(formatDate(r.implementationDeadline))}`}
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
    </section>
  );
}
