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
      <span aria-hidden="true">🔔</span>
      {n > 0 && <span className="badge badge-warn">{n > 99 ? '99+' : n}</span>}
    </Link>
  );
}
