import { Alert, Button, Card, Col, Row, Skeleton, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { formatYuan } from '../../../shared/format.js';
import { ALL_STAGES } from '../../../shared/stages.js';
import { endpoints } from '../../api/endpoints.js';
import { useRegions } from '../../api/useRegions.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { STAGE_COLORS_HEX } from '../projects/stageColors.js';
import { OverdueTable } from './OverdueTable.js';
import { BarChart } from './BarChart.js';
import { LeadReminders } from './LeadReminders.js';
import { useAuth } from '../auth/AuthProvider.js';
import { Kpi } from './Kpi.js';
import { ServicesCard } from './ServicesCard.js';

export default function DashboardPage() {
  const { t, lang, stage } = useI18n();
  const { nameOf } = useRegions();
  const navigate = useNavigate();
  const { canWrite } = useAuth();
  const summary = useQuery({ queryKey: ['dashboard'], queryFn: endpoints.dashboard });
  const data = summary.data;

  if (summary.isError) {
    return (
      <Alert
        type="error"
        showIcon
        message={t('loadFailed')}
        description={summary.error.message}
        action={<Button onClick={() => void summary.refetch()}>{t('retry')}</Button>}
      />
    );
  }

  const overdueRows = (data?.byRegion ?? []).filter((r) => r.overdue > 0);

  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('menuDashboard')}
      </Typography.Title>
      {!data ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        <Row gutter={[12, 12]}>
          <Col xs={12} md={8} xl={4}>
            <Kpi title={t('kpiProjects')} testId="kpi-projects" value={`${data.projects}${t('unitProjects')}`} />
          </Col>
          <Col xs={12} md={8} xl={5}>
            <Kpi title={t('kpiInvestment')} testId="kpi-investment" value={formatYuan(data.investmentYuan, lang)} />
          </Col>
          <Col xs={12} md={8} xl={5}>
            <Kpi title={t('kpiFunds')} testId="kpi-funds" value={formatYuan(data.fundsInPlaceYuan, lang)} />
          </Col>
          <Col xs={12} md={12} xl={5}>
            <Kpi title={t('kpiRegions')} testId="kpi-regions" value={data.regions} />
          </Col>
          <Col xs={24} md={12} xl={5}>
            <Kpi title={t('kpiOverdue')} testId="kpi-overdue" value={data.overdue} danger={data.overdue > 0} />
          </Col>
        </Row>
      )}
      <ServicesCard />
      {canWrite && <LeadReminders />}
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('chartByStage')} extra={<Typography.Text type="secondary">{t('chartClickHint')}</Typography.Text>}>
            {data ? (
              <BarChart
                testId="chart-stage"
                categories={ALL_STAGES.map((s) => stage(s))}
                series={[
                  {
                    name: t('seriesProjects'),
                    values: ALL_STAGES.map((s) => data.byStage[s]),
                    colors: ALL_STAGES.map((s) => STAGE_COLORS_HEX[s]),
                  },
                ]}
                labels
                onClick={(i) => navigate(`/projects?stage=${ALL_STAGES[i]}`)}
              />
            ) : (
              <div className="chart" />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('chartByRegion')}>
            {data ? (
              <BarChart
                testId="chart-region"
                categories={data.byRegion.map((r) => nameOf(r.code, r.name))}
                series={[
                  { name: t('seriesProjects'), values: data.byRegion.map((r) => r.projects) },
                  {
                    name: t('seriesInvestment'),
                    axis: 1,
                    // 亿元 for Chinese readers; the English axis says ¥ bn (1 bn = 10 亿).
                    values: data.byRegion.map((r) => Number((r.investmentYuan / (lang === 'zh' ? 1e8 : 1e9)).toFixed(2))),
                  },
                ]}
                integerAxes={[true, false]}
                barMaxWidth={28}
                legend
                slanted
                onClick={(i) => navigate(`/projects?region=${encodeURIComponent(data.byRegion[i].code)}`)}
              />
            ) : (
              <div className="chart" />
            )}
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('overdueRegions')} style={{ marginTop: 12 }}>
        {data ? <OverdueTable rows={overdueRows} /> : <Skeleton active paragraph={{ rows: 2 }} title={false} />}
      </Card>
    </div>
  );
}
