import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Progress, Row, Skeleton, Space, Statistic, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router-dom';
import type { Scorecard } from '../../../shared/events.js';
import { formatYuan } from '../../../shared/format.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useAuth } from '../auth/AuthProvider.js';
import { StageTag } from '../projects/StageTag.js';
import { eventApi } from './api.js';

type Item = Scorecard['items'][number];
const rowAttrs = { 'data-testid': 'scorecard-row' } as HTMLAttributes<HTMLElement>;

/** 快落地、快开工,早投产、早见效: where the signed projects stand and how fast they got there. */
export function ScorecardTab({ eventId }: { eventId: number }) {
  const { t, lang, stage } = useI18n();
  const { user } = useAuth();
  const card = useQuery({ queryKey: ['event', eventId, 'scorecard'], queryFn: () => eventApi.scorecard(eventId) });
  const c = card.data;
  if (!c) return <Skeleton active />;
  const days = (d: number | null) => (d === null ? '—' : t('scDays', { d }));
  const medians = [
    { key: 'landed', label: t('scToLanded'), m: c.medians.landed },
    { key: 'started', label: t('scToStarted'), m: c.medians.started },
    { key: 'operating', label: t('scToOperating'), m: c.medians.operating },
  ];
  const columns = [
    { title: t('sgProject'), key: 'name', width: 260, render: (_: unknown, i: Item) => <Link to={`/projects/${i.projectId}`}>{i.projectName}</Link> },
    { title: t('sgRegion'), dataIndex: 'regionName', key: 'region', width: 160 },
    { title: t('scStage'), key: 'stage', width: 80, render: (_: unknown, i: Item) => <StageTag stage={i.stage} /> },
    { title: t('scSignedOn'), dataIndex: 'signedOn', key: 'signed', width: 105 },
    { title: t('scLandedOn'), key: 'landed', width: 140, render: (_: unknown, i: Item) => (i.landedOn ? `${i.landedOn}(${days(i.daysToLanded)})` : '—') },
    { title: t('scStartedOn'), key: 'started', width: 140, render: (_: unknown, i: Item) => (i.startedOn ? `${i.startedOn}(${days(i.daysToStarted)})` : '—') },
    { title: t('scOperatingOn'), key: 'operating', width: 140, render: (_: unknown, i: Item) => (i.operatingOn ? `${i.operatingOn}(${days(i.daysToOperating)})` : '—') },
    { title: t('sgAmount'), key: 'amount', width: 110, align: 'right' as const, render: (_: unknown, i: Item) => formatYuan(i.amountYuan, lang) },
    { title: t('scFunds'), key: 'funds', width: 110, align: 'right' as const, render: (_: unknown, i: Item) => formatYuan(i.fundsInPlaceYuan, lang) },
  ];
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {user?.role === 'region' && <Typography.Text type="secondary">{t('scScopeNote')}</Typography.Text>}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('scStageCounts')} style={{ height: '100%' }}>
            <Row gutter={[8, 8]}>
              {c.byStage.filter((s) => s.stage !== 'negotiating').map((s) => (
                <Col span={8} key={s.stage}>
                  <Statistic title={stage(s.stage)} value={s.count} data-testid={`scorecard-stage-${s.stage}`} />
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('scMedians')} style={{ height: '100%' }}>
            {medians.map(({ key, label, m }) => (
              <div key={key} style={{ marginBottom: 8 }} data-testid={`scorecard-median-${key}`}>
                <Typography.Text>{label}:</Typography.Text>
                <Typography.Text strong>{m.days === null ? '—' : t('scDays', { d: m.days })}</Typography.Text>{' '}
                <Typography.Text type="secondary">({m.n > 0 ? t('scReached', { n: m.n }) : t('scNone')})</Typography.Text>
              </div>
            ))}
          </Card>
        </Col>
        <Col xs={24} lg={6}>
          <Card size="small" title={t('scFunds')} style={{ height: '100%', textAlign: 'center' }}>
            <Progress type="circle" size={100} percent={c.fundsRatio === null ? 0 : Math.round(c.fundsRatio * 1000) / 10} data-testid="scorecard-funds" />
            <div style={{ marginTop: 8 }}>
              <Typography.Text type="secondary">{t('scFundsOf', { funds: formatYuan(c.fundsInPlaceYuan, lang), signed: formatYuan(c.signedYuan, lang) })}</Typography.Text>
            </div>
          </Card>
        </Col>
      </Row>
      <Table<Item>
        rowKey="projectId"
        size="small"
        dataSource={c.items}
        columns={columns}
        onRow={() => rowAttrs}
        pagination={false}
        scroll={{ x: 1400 }}
        locale={{ emptyText: <Empty description={t('sgEmpty')} /> }}
      />
    </Space>
  );
}
