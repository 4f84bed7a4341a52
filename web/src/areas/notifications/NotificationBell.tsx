import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, ok } from '../../api/client';
import { t } from '../../i18n';

/** The header's bell: my unread count, refreshed every minute; opens /thong-bao. */
export function NotificationBell() {
  const unread = useQuery({
    queryKey: ['me', 'notifications', 'unread-count'],
    queryFn: () => ok(api.GET('/me/notifications/unread-count')),
    refetchInterval: 60_000,
  });
  const n = unread.data?.unread ?? 0;
  return (
    <Link
      to="/thong-bao"
      className="bell"
      data-testid="notification-bell"
      aria-label={t().notifications.bell(n)}
    >
      <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="currentColor">
        <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
      </svg>
      {n > 0 && <span className="badge badge-warn">{n > 99 ? '99+' : n}</span>}
    </Link>
  );
}
