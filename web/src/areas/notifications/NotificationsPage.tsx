import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, ok } from '../../api/client';
import type { components } from '../../api/schema';
import { formatDateTime } from '../../format';
import { label, t } from '../../i18n';
import { Pager, QueryView } from '../../ui/common';

type Preference = components['schemas']['PreferenceDto'];

/** Thông báo: my tasks, my inbox (mark read), and which kinds reach me by e-mail. */
export function NotificationsPage() {
  const s = t().notifications;
  return (
    <div className="page">
      <h1>{s.title}</h1>
      <div className="grid-2">
        <TasksSection />
        <InboxSection />
      </div>
      <PreferencesSection />
    </div>
  );
}

function TasksSection() {
  const s = t().notifications;
  const tasks = useQuery({
    queryKey: ['me', 'tasks'],
    queryFn: () => ok(api.GET('/me/tasks')),
  });
  return (
    <section className="card" aria-labelledby="notif-tasks" data-testid="my-tasks">
      <h2 id="notif-tasks">{s.tasks}</h2>
      <QueryView query={tasks}>
        {(list) =>
          list.items.length === 0 ? (
            <p className="muted">{s.tasksNone}</p>
          ) : (
            <ul className="todo-list">
              {list.items.map((task, i) => (
                <li key={`${task.kind}-${task.regulationId}-${task.roundId ?? ''}-${i}`}>
                  <Link to={task.link}>{task.title}</Link>{' '}
                  <span className="badge">{label(s.taskKinds, task.kind)}</span>
                  {task.dueAt && <div className="muted">{s.due(formatDateTime(task.dueAt))}</div>}
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
    </section>
  );
}

function InboxSection() {
  const s = t().notifications;
  const qc = useQueryClient();
  const [unread, setUnread] = useState(false);
  const [cursor, setCursor] = useState<string | null>(null);
  const inbox = useQuery({
    queryKey: ['me', 'notifications', { unread, cursor }],
    queryFn: () =>
      ok(
        api.GET('/me/notifications', {
          params: { query: { unread, limit: 20, ...(cursor ? { cursor } : {}) } },
        }),
      ),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['me', 'notifications'] });
  const markRead = async (id: string) => {
    await ok(api.POST('/me/notifications/{id}/read', { params: { path: { id } } }));
    await refresh();
  };
  return (
    <section className="card" aria-labelledby="notif-inbox" data-testid="inbox">
      <h2 id="notif-inbox">{s.inbox}</h2>
      <div className="actions-bar">
        <label>
          <input
            type="checkbox"
            checked={unread}
            onChange={(e) => {
              setUnread(e.target.checked);
              setCursor(null);
            }}
          />{' '}
          {s.unreadOnly}
        </label>
        <button
          type="button"
          className="button"
          onClick={async () => {
            await ok(api.POST('/me/notifications/read-all'));
            await refresh();
          }}
        >
          {s.readAll}
        </button>
      </div>
      <QueryView query={inbox}>
        {(page) =>
          page.items.length === 0 ? (
            <p className="muted">{s.inboxNone}</p>
          ) : (
            <>
              <ul className="todo-list">
                {page.items.map((n) => (
                  <li key={n.id} className={n.read ? 'muted' : undefined}>
                    <strong>{n.title}</strong>
                    <p>{n.body}</p>
                    <div className="muted">
                      {formatDateTime(n.createdAt)} ·{' '}
                      <Link to={n.link} onClick={() => void (n.read ? null : markRead(n.id))}>
                        {s.open}
                      </Link>
                      {!n.read && (
                        <>
                          {' · '}
                          <button
                            type="button"
                            className="button button-ghost"
                            onClick={() => void markRead(n.id)}
                          >
                            {s.markRead}
                          </button>
                        </>
                      )}
                    </div>
                  </li>
                ))}
              </ul>
              <Pager nextCursor={page.nextCursor} cursor={cursor} onCursor={setCursor} />
            </>
          )
        }
      </QueryView>
    </section>
  );
}

function PreferencesSection() {
  const s = t().notifications;
  const prefs = useQuery({
    queryKey: ['me', 'notification-preferences'],
    queryFn: () => ok(api.GET('/me/notification-preferences')),
  });
  const [draft, setDraft] = useState<Preference[] | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (prefs.data) setDraft(prefs.data.kinds);
  }, [prefs.data]);
  const set = (kind: string, field: 'email' | 'inApp', value: boolean) => {
    setSaved(false);
    setDraft((d) => (d ?? []).map((p) => (p.kind === kind ? { ...p, [field]: value } : p)));
  };
  return (
    <section className="card" aria-labelledby="notif-prefs" data-testid="notification-preferences">
      <h2 id="notif-prefs">{s.preferences}</h2>
      <p className="muted">{s.preferencesIntro}</p>
      <QueryView query={prefs}>
        {() => (
          <form
            onSubmit={async (e) => {
              e.preventDefault();
              await ok(api.PUT('/me/notification-preferences', { body: { kinds: draft ?? [] } }));
              await prefs.refetch();
              setSaved(true);
            }}
          >
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{s.kind}</th>
                  <th scope="col">{s.email}</th>
                  <th scope="col">{s.inApp}</th>
                </tr>
              </thead>
              <tbody>
                {(draft ?? []).map((p) => (
                  <tr key={p.kind}>
                    <th scope="row">{label(s.kinds, p.kind)}</th>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`${label(s.kinds, p.kind)}: ${s.email}`}
                        checked={p.email}
                        onChange={(e) => set(p.kind, 'email', e.target.checked)}
                      />
                    </td>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`${label(s.kinds, p.kind)}: ${s.inApp}`}
                        checked={p.inApp}
                        onChange={(e) => set(p.kind, 'inApp', e.target.checked)}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="actions-bar">
              <button type="submit" className="button button-primary">
                {s.save}
              </button>
              {saved && <span role="status">{s.saved}</span>}
            </div>
          </form>
        )}
      </QueryView>
    </section>
  );
}
