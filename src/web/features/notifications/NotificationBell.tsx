import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../i18n/I18nProvider.js';
import { notificationApi, NOTIFICATIONS_KEY } from './api.js';

const POLL_MS = 30_000;

/** The header bell: the unread count, polled and refreshed when the window regains focus. */
export function NotificationBell() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const unread = useQuery({
    queryKey: [NOTIFICATIONS_KEY, 'unread-count'],
    queryFn: notificationApi.unreadCount,
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
    staleTime: 0,
  });
  const count = unread.data?.count ?? 0;
  return (
    <Button type="text" aria-label={t('ntfBell', { n: count })} title={t('ntfBell', { n: count })} data-testid="notifications-bell" onClick={() => navigate('/notifications')}>
      <BellOutlined style={{ fontSize: 17 }} />
      <span data-testid="notifications-count" className={count ? 'ntf-count ntf-count-unread' : 'ntf-count'}>
        {count}
      </span>
    </Button>
  );
}
