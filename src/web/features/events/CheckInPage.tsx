import { CheckCircleFilled, LeftOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Input, Progress, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { Guest } from '../../../shared/events.js';
import { formatTimestamp } from '../../../shared/format.js';
import { errorMessage } from '../../api/formErrors.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { eventApi } from './api.js';

/** The desk at the door on a phone: find a guest by any part of name, organisation or phone, tap once. */
export default function CheckInPage() {
  const id = Number(useParams().id);
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [busy, setBusy] = useState<number | null>(null);
  const event = useQuery({ queryKey: ['event', id], queryFn: () => eventApi.get(id) });
  const guests = useQuery({
    queryKey: ['event', id, 'guests', 'door', q],
    queryFn: () => eventApi.guests(id, { q: q.trim() || undefined, page: 1, pageSize: 100 }),
    placeholderData: keepPreviousData,
  });

  async function checkIn(g: Guest) {
    setBusy(g.id);
    try {
      const res = await eventApi.checkIn(id, g.id);
      if (res.alreadyCheckedIn) message.info(res.message);
      else message.success(res.message);
      await queryClient.invalidateQueries({ queryKey: ['event', id] });
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(null);
    }
  }

  const counts = guests.data?.counts;
  return (
    <div className="checkin-page">
      <div className="checkin-head">
        <Link to={`/events/${id}`}>
          <LeftOutlined /> {t('ciBack')}
        </Link>
        <Typography.Title level={4} style={{ margin: '8px 0' }}>
          {t('ciTitle')}
        </Typography.Title>
        <Typography.Text type="secondary">{event.data?.name}</Typography.Text>
        {counts && (
          <div data-testid="checkin-progress">
            <Progress percent={counts.guests ? Math.round((counts.checkedIn / counts.guests) * 100) : 0} showInfo={false} />
            <Typography.Text>{t('ciProgress', { n: counts.checkedIn, total: counts.guests })}</Typography.Text>
          </div>
        )}
        <Input.Search size="large" allowClear placeholder={t('ciSearch')} value={q} onChange={(e) => setQ(e.target.value)} data-testid="checkin-search" style={{ marginTop: 8 }} />
      </div>
      {guests.isLoading && <Spin style={{ display: 'block', margin: 24 }} />}
      {guests.data && guests.data.items.length === 0 && <Empty description={t('ciNoMatch')} />}
      <Space direction="vertical" style={{ width: '100%' }} size={8}>
        {(guests.data?.items ?? []).map((g) => (
          <Card size="small" key={g.id} data-testid="checkin-guest">
            <div className="checkin-guest">
              <div style={{ minWidth: 0 }}>
                <div className="checkin-name">{g.personName}</div>
                <Typography.Text type="secondary" ellipsis>
                  {[g.organisation, g.title].filter(Boolean).join(' · ')}
                </Typography.Text>
                {g.group && <div><Tag>{g.group.name}</Tag></div>}
              </div>
              {g.checkedInAt ? (
                <Typography.Text type="success" className="checkin-done" data-testid="checkin-done">
                  <CheckCircleFilled /> {t('ciDone', { time: formatTimestamp(g.checkedInAt).slice(11) })}
                </Typography.Text>
              ) : (
                <Button type="primary" size="large" className="checkin-button" loading={busy === g.id} onClick={() => checkIn(g)} data-testid="checkin-button">
                  {t('gCheckInAction')}
                </Button>
              )}
            </div>
          </Card>
        ))}
      </Space>
    </div>
  );
}
