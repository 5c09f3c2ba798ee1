import { DeleteOutlined, EditOutlined, MobileOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Popconfirm, Row, Skeleton, Space, Statistic, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { errorMessage } from '../../api/formErrors.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useAuth } from '../auth/AuthProvider.js';
import { NotFound } from '../layout/NotFound.js';
import { eventApi } from './api.js';
import { EventFormModal } from './EventFormModal.js';
import { GroupsTab } from './GroupsTab.js';
import { GuestsTab } from './GuestsTab.js';
import { dateRange } from './labels.js';
import { ScorecardTab } from './ScorecardTab.js';
import { SigningsTab } from './SigningsTab.js';
import { SummaryCard } from './SummaryCard.js';

const TABS = ['overview', 'guests', 'groups', 'signings', 'scorecard'] as const;

export default function EventDetailPage() {
  const id = Number(useParams().id);
  const { t } = useI18n();
  const { isAdmin } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [search, setSearch] = useSearchParams();
  const [editing, setEditing] = useState(false);
  const tab = TABS.find((k) => k === search.get('tab')) ?? 'overview';
  const valid = Number.isInteger(id) && id > 0;

  const event = useQuery({ queryKey: ['event', id], queryFn: () => eventApi.get(id), enabled: valid });
  const summary = useQuery({ queryKey: ['event', id, 'summary'], queryFn: () => eventApi.summary(id), enabled: event.isSuccess });

  if (!valid) return <NotFound />;
  if (event.isError) {
    if (event.error instanceof ApiError && event.error.status === 404) return <NotFound />;
    return <Alert type="error" showIcon message={event.error.message} />;
  }
  const e = event.data;
  if (!e) return <Skeleton active paragraph={{ rows: 10 }} />;
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['event', id] });

  async function remove() {
    try {
      await eventApi.remove(id);
      await queryClient.invalidateQueries({ queryKey: ['events'] });
      navigate('/events');
    } catch (err) {
      message.error(errorMessage(err));
    }
  }

  const overview = (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {summary.data && <SummaryCard summary={summary.data} />}
      <Row gutter={[16, 16]}>
        {[
          ['evGuests', e.counts.guests],
          ['evInvited', e.counts.invited],
          ['evAccepted', e.counts.accepted],
          ['evCheckedIn', e.counts.checkedIn],
          ['evTabGroups', e.counts.groups],
          ['evLeads', e.counts.leads],
        ].map(([key, value]) => (
          <Col xs={12} sm={8} lg={4} key={key as string}>
            <Card size="small">
              <Statistic title={t(key as never)} value={value as number} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card size="small">
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('evTheme')}>{e.theme || t('none')}</Descriptions.Item>
          <Descriptions.Item label={t('evDates')}>{dateRange(e.startsOn, e.endsOn)}</Descriptions.Item>
          <Descriptions.Item label={t('evVenue')}>{e.venue || t('none')}</Descriptions.Item>
          <Descriptions.Item label={t('evOrganiser')}>{e.organiser || t('none')}</Descriptions.Item>
          <Descriptions.Item label={t('evDescription')} span={2}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{e.description || t('none')}</span>
          </Descriptions.Item>
        </Descriptions>
      </Card>
    </Space>
  );

  return (
    <div>
      <div className="page-head">
        <Space wrap>
          <Typography.Title level={4} data-testid="event-title">{e.name}</Typography.Title>
          {e.isSample && <Tag>{t('sample')}</Tag>}
        </Space>
        <Space wrap>
          <Link to={`/events/${id}/run-sheet`} data-testid="event-run-sheet">
            <Button icon={<PrinterOutlined />}>{t('evRunSheet')}</Button>
          </Link>
          {isAdmin && (
            <Link to={`/events/${id}/check-in`} data-testid="event-check-in">
              <Button icon={<MobileOutlined />}>{t('evCheckInPage')}</Button>
            </Link>
          )}
          {isAdmin && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="event-edit">
              {t('evEdit')}
            </Button>
          )}
          {isAdmin && (
            <Popconfirm
              title={e.counts.signings > 0 ? t('evDeleteBlocked') : t('evDeleteConfirm', { name: e.name })}
              okButtonProps={{ danger: true, disabled: e.counts.signings > 0 }}
              onConfirm={remove}
            >
              <Button danger icon={<DeleteOutlined />} data-testid="event-delete">{t('evDelete')}</Button>
            </Popconfirm>
          )}
        </Space>
      </div>
      <Tabs
        activeKey={tab}
        onChange={(k) => setSearch(k === 'overview' ? {} : { tab: k }, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'overview', label: <span data-testid="tab-overview">{t('evTabOverview')}</span>, children: overview },
          { key: 'guests', label: <span data-testid="tab-guests">{t('evTabGuests')}</span>, children: <GuestsTab eventId={id} onChange={refresh} /> },
          { key: 'groups', label: <span data-testid="tab-groups">{t('evTabGroups')}</span>, children: <GroupsTab eventId={id} startsOn={e.startsOn} onChange={refresh} /> },
          { key: 'signings', label: <span data-testid="tab-signings">{t('evTabSignings')}</span>, children: <SigningsTab eventId={id} onChange={refresh} /> },
          { key: 'scorecard', label: <span data-testid="tab-scorecard">{t('evTabScorecard')}</span>, children: <ScorecardTab eventId={id} /> },
        ]}
      />
      <EventFormModal
        open={editing}
        event={e}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          void refresh();
          void queryClient.invalidateQueries({ queryKey: ['events'] });
        }}
      />
    </div>
  );
}
