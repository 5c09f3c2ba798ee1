import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, List, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { formatTimestamp } from '../../../shared/format.js';
import type { Notification } from '../../../shared/notifications.js';
import type { NotificationKind } from '../../../shared/service-catalog.js';
import { errorMessage } from '../../api/formErrors.js';
import type { MessageKey } from '../../i18n/dict.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { notificationApi, NOTIFICATIONS_KEY } from './api.js';

const KIND: Record<NotificationKind, { key: MessageKey; color: string }> = {
  assigned: { key: 'ntfKindAssigned', color: 'blue' },
  due_soon: { key: 'ntfKindDueSoon', color: 'gold' },
  overdue: { key: 'ntfKindOverdue', color: 'orange' },
  escalated: { key: 'ntfKindEscalated', color: 'red' },
  status_changed: { key: 'ntfKindStatusChanged', color: 'cyan' },
  confirmed: { key: 'ntfKindConfirmed', color: 'green' },
  reopened: { key: 'ntfKindReopened', color: 'magenta' },
  approval: { key: 'ntfKindApproval', color: 'purple' },
};

/** The inbox: the user's own notices, newest first; opening one marks it read. */
export default function NotificationsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const list = useQuery({
    queryKey: [NOTIFICATIONS_KEY, 'list', { unreadOnly, page, pageSize }],
    queryFn: () => notificationApi.list({ unread: unreadOnly ? 'true' : undefined, page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const refresh = () => qc.invalidateQueries({ queryKey: [NOTIFICATIONS_KEY] });

  const markRead = async (n: Notification) => {
    if (n.read) return;
    try {
      await notificationApi.markRead(n.id);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      void refresh();
    }
  };
  const markAll = async () => {
    try {
      const { count } = await notificationApi.markAllRead();
      message.success(t('ntfMarkedAll', { n: count }));
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      void refresh();
    }
  };

  if (list.isError) {
    return <Alert type="error" showIcon message={t('loadFailed')} description={list.error.message} action={<Button onClick={() => void list.refetch()}>{t('retry')}</Button>} />;
  }
  const data = list.data;
  return (
    <Card
      title={<Typography.Title level={4} style={{ margin: 0 }}>{t('ntfTitle')}</Typography.Title>}
      extra={
        <Space wrap>
          <Segmented
            data-testid="notifications-filter"
            value={unreadOnly ? 'unread' : 'all'}
            options={[
              { value: 'all', label: t('ntfAll') },
              { value: 'unread', label: t('ntfUnread') },
            ]}
            onChange={(v) => {
              setUnreadOnly(v === 'unread');
              setPage(1);
            }}
          />
          <Button data-testid="notifications-read-all" onClick={() => void markAll()} disabled={!data || data.total === 0}>
            {t('ntfMarkAllRead')}
          </Button>
        </Space>
      }
    >
      <List
        loading={list.isLoading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={unreadOnly ? t('ntfEmptyUnread') : t('ntfEmpty')} /> }}
        pagination={
          data && data.total > pageSize
            ? {
                current: page,
                pageSize,
                total: data.total,
                showSizeChanger: true,
                showTotal: (n) => t('ntfCount', { n }),
                onChange: (p, s) => {
                  setPage(s === pageSize ? p : 1);
                  setPageSize(s);
                },
              }
            : false
        }
        renderItem={(n) => (
          <List.Item
            data-testid="notification-item"
            actions={[
              n.read ? (
                <Typography.Text key="read" type="secondary">{t('ntfRead')}</Typography.Text>
              ) : (
                <Button key="read" type="link" size="small" data-testid="notification-mark-read" onClick={() => void markRead(n)}>
                  {t('ntfMarkRead')}
                </Button>
              ),
            ]}
          >
            <List.Item.Meta
              title={
                <Space wrap size={6}>
                  <Tag color={KIND[n.kind].color}>{t(KIND[n.kind].key)}</Tag>
                  {n.link ? (
                    <Link to={n.link} className={n.read ? undefined : 'ntf-unread-title'} onClick={() => void markRead(n)}>
                      {n.title}
                    </Link>
                  ) : (
                    <span className={n.read ? undefined : 'ntf-unread-title'}>{n.title}</span>
                  )}
                </Space>
              }
              description={formatTimestamp(n.createdAt)}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
