import { Alert, Button, Card, Col, Row, Skeleton, Statistic, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useMemo, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import type { DashboardSummary } from '../../../shared/dashboard.js';
import { formatYuan } from '../../../shared/format.js';
import { ALL_STAGES } from '../../../shared/stages.js';
import { endpoints } from '../../api/endpoints.js';
import { useRegions } from '../../api/useRegions.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { STAGE_COLORS_HEX } from '../projects/stageColors.js';
import { useChart, type ChartOption } from './useChart.js';

type RegionRow = DashboardSummary['byRegion'][number];

function Kpi({ title, testId, value, danger }: { title: string; testId: string; value: ReactNode; danger?: boolean }) {
  return (
    <Card size="small">
      <Statistic
        title={title}
        valueRender={() => (
          <span data-testid={testId} className={danger ? 'kpi-value-red' : undefined}>
            {value}
          </span>
        )}
      />
    </Card>
  );
}

export default function DashboardPage() {
  const { t, lang, stage } = useI18n();
  const { nameOf } = useRegions();
  const navigate = useNavigate();
  const summary = useQuery({ queryKey: ['dashboard'], queryFn: endpoints.dashboard });
  const data = summary.data;

  const stageOption = useMemo<ChartOption | null>(() => {
    if (!data) return null;
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 16, bottom: 32 },
      xAxis: { type: 'category', data: ALL_STAGES.map((s) => stage(s)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          name: t('seriesProjects'),
          barMaxWidth: 40,
          label: { show: true, position: 'top' },
          data: ALL_STAGES.map((s) => ({ value: data.byStage[s], itemStyle: { color: STAGE_COLORS_HEX[s] } })),
        },
      ],
    };
  }, [data, stage, t]);

  const regionOption = useMemo<ChartOption | null>(() => {
    if (!data) return null;
    const rows = data.byRegion;
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 36, right: 36, top: 36, bottom: 72 },
      xAxis: {
        type: 'category',
        data: rows.map((r) => nameOf(r.code, r.name)),
        axisLabel: { interval: 0, rotate: 30 },
      },
      yAxis: [
        // Axis titles would collide with the legend on a phone; the legend already names both.
        { type: 'value', minInterval: 1 },
        { type: 'value', splitLine: { show: false } },
      ],
      series: [
        { type: 'bar', name: t('seriesProjects'), barMaxWidth: 28, data: rows.map((r) => r.projects) },
        {
          type: 'bar',
          name: t('seriesInvestment'),
          yAxisIndex: 1,
          barMaxWidth: 28,
          // 亿元 for Chinese readers; the English axis says ¥ bn (1 bn = 10 亿).
          data: rows.map((r) => Number((r.investmentYuan / (lang === 'zh' ? 1e8 : 1e9)).toFixed(2))),
        },
      ],
    };
  }, [data, nameOf, t, lang]);

  const stageRef = useChart(stageOption, (p) => {
    const s = ALL_STAGES[p.dataIndex];
    if (s) navigate(`/projects?stage=${s}`);
  });
  const regionRef = useChart(regionOption, (p) => {
    const r = data?.byRegion[p.dataIndex];
    if (r) navigate(`/projects?region=${encodeURIComponent(r.code)}`);
  });

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
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('chartByStage')} extra={<Typography.Text type="secondary">{t('chartClickHint')}</Typography.Text>}>
            <div ref={stageRef} className="chart" data-testid="chart-stage" />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('chartByRegion')}>
            <div ref={regionRef} className="chart" data-testid="chart-region" />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('overdueRegions')} style={{ marginTop: 12 }}>
        <Table<RegionRow>
          size="small"
          rowKey="code"
          pagination={false}
          dataSource={overdueRows}
          loading={!data}
          scroll={{ x: 480 }}
          locale={{ emptyText: t('noOverdue') }}
          data-testid="overdue-regions"
          rowClassName={() => 'clickable-row'}
          onRow={(r) => ({ onClick: () => navigate(`/projects?region=${encodeURIComponent(r.code)}&overdue=true`) })}
          columns={[
            { title: t('colRegion'), dataIndex: 'name', render: (_, r) => nameOf(r.code, r.name) },
            { title: t('colProjects'), dataIndex: 'projects', align: 'right' },
            {
              title: t('colOverdue'),
              dataIndex: 'overdue',
              align: 'right',
              render: (n: number) => <Typography.Text type="danger">{n}</Typography.Text>,
            },
            {
              title: t('colInvestment'),
              dataIndex: 'investmentYuan',
              align: 'right',
              render: (y: number) => formatYuan(y, lang),
            },
          ]}
        />
      </Card>
    </div>
  );
}
