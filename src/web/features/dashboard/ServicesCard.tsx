import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Row, Skeleton, Tag, theme, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { todayInShanghai } from '../../../shared/format.js';
import type { ServiceDashboard } from '../../../shared/service-dashboard.js';
import { api } from '../../api/client.js';
import { useRegions } from '../../api/useRegions.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Kpi } from './Kpi.js';

const fetchServices = () => api<ServiceDashboard>('/api/dashboard/services');

/** Service figures in the caller's scope and the requests under 督办, each a link to the request. */
export function ServicesCard() {
  const { t } = useI18n();
  const { nameOf } = useRegions();
  const { token } = theme.useToken();
  const services = useQuery({ queryKey: ['dashboard', 'services'], queryFn: fetchServices });
  const data = services.data;
  const today = todayInShanghai();

  return (
    <Card size="small" title={t('dsTitle')} style={{ marginTop: 12 }} data-testid="dashboard-services">
      {!data ? (
        <Skeleton active paragraph={{ rows: 2 }} title={false} />
      ) : (
        <>
          <Row gutter={[12, 12]}>
            <Col xs={12} md={8} xl={4}>
              <Kpi title={t('dsOpen')} testId="dashboard-services-open" value={data.open} />
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Kpi title={t('dsOverdue')} testId="dashboard-services-overdue" value={data.overdue} danger={data.overdue > 0} />
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Kpi title={t('dsEscalated')} testId="dashboard-services-escalated" value={data.escalated} danger={data.escalated > 0} />
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Kpi title={t('dsOnTime')} testId="dashboard-services-ontime" value={data.onTimePercent ?? t('dsNone')} suffix={data.onTimePercent === null ? undefined : '%'} />
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Kpi title={t('dsRating')} testId="dashboard-services-rating" value={data.averageRating === null ? t('dsNone') : data.averageRating.toFixed(1)} suffix={data.averageRating === null ? undefined : '/ 5'} />
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Kpi title={t('dsConfirmed')} testId="dashboard-services-confirmed" value={data.confirmed} />
            </Col>
          </Row>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('dsEscalatedTitle')}
          </Typography.Title>
          {data.escalatedItems.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dsEscalatedEmpty')} />
          ) : (
            data.escalatedItems.map((r) => (
              <div key={r.id} data-testid="dashboard-escalated-item" style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap', padding: '6px 0', borderBottom: `1px solid ${token.colorBorderSecondary}` }}>
                <Tag color="red">{t('dsEscalatedOn', { day: todayInShanghai(new Date(r.escalatedAt)) })}</Tag>
                <Link to={`/services/${r.id}`}>{r.title}</Link>
                <Typography.Text type="secondary">
                  {r.enterpriseName}
                  {r.regionCode ? ` · ${nameOf(r.regionCode, r.regionCode)}` : ''}
                </Typography.Text>
                {r.dueOn && <Tag color={r.dueOn < today ? 'orange' : undefined}>{t('dsDueOn', { day: r.dueOn })}</Tag>}
              </div>
            ))
          )}
        </>
      )}
    </Card>
  );
}
