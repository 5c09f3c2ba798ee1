import { DownloadOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Segmented, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { INDICATOR_GROUPS, INDICATOR_KEYS, INDICATORS, type IndicatorGroup, type IndicatorKey, type IndicatorStatus, type IndicatorTable } from '../../../shared/indicators.js';
import type { MessageKey } from '../../i18n/dict.js';
import { useRegions } from '../../api/useRegions.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { ResponsiveCard } from './ChartCard.js';
import { formatIndicator } from './format.js';

const GROUP_LABELS: Record<IndicatorGroup, { tab: MessageKey; column: MessageKey }> = {
  region: { tab: 'cmdGroupRegion', column: 'cmdColGroupRegion' },
  cluster: { tab: 'cmdGroupCluster', column: 'cmdColGroupCluster' },
  event: { tab: 'cmdGroupEvent', column: 'cmdColGroupEvent' },
};
export const STATUS: Record<IndicatorStatus, { color: string; text: string; label: MessageKey }> = {
  green: { color: 'success', text: '#389e0d', label: 'cmdStatusGreen' },
  yellow: { color: 'warning', text: '#d48806', label: 'cmdStatusYellow' },
  red: { color: 'error', text: '#cf1322', label: 'cmdStatusRed' },
};

interface Line {
  key: string;
  name: string;
  values: IndicatorTable['total']['values'];
  status: IndicatorTable['total']['status'];
}

/** A value coloured by its status against the target; without a target it is plain text. */
export function IndicatorCell({ indicator, value, status }: { indicator: IndicatorKey; value: number | null; status: IndicatorStatus | null }) {
  const { t, lang } = useI18n();
  const text = formatIndicator(indicator, value, lang);
  if (!status) return <span>{text}</span>;
  return (
    <Tooltip title={t(STATUS[status].label)}>
      <Tag color={STATUS[status].color} data-status={status} style={{ marginInlineEnd: 0 }}>
        {text}
      </Tag>
    </Tooltip>
  );
}

/** The 考核 indicators per region, cluster or event, the total last, each header explaining its definition on hover. */
export function IndicatorTableCard({ query, groupBy, onGroupBy, exportUrl }: { query: UseQueryResult<IndicatorTable>; groupBy: IndicatorGroup; onGroupBy: (g: IndicatorGroup) => void; exportUrl: string }) {
  const { t, lang } = useI18n();
  const { nameOf } = useRegions();
  const data = query.data;
  const lines: Line[] | undefined = data && [...data.rows, { key: '__total', name: t('cmdTotal'), ...data.total }];
  const columns: TableColumnsType<Line> = [
    {
      title: t(GROUP_LABELS[groupBy].column),
      dataIndex: 'name',
      fixed: 'left',
      width: 170,
      render: (name: string, line) => {
        if (line.key === '__total') return <strong>{name}</strong>;
        if (line.key === 'none' && groupBy === 'event') return t('cmdNoEvent');
        return groupBy === 'region' ? nameOf(line.key, name) : name;
      },
    },
    ...INDICATOR_KEYS.map((key) => ({
      key,
      align: 'right' as const,
      title: (
        <Tooltip title={INDICATORS[key].definition[lang]}>
          <span data-testid={`indicator-head-${key}`} style={{ whiteSpace: 'nowrap' }}>
            {INDICATORS[key].label[lang]} <QuestionCircleOutlined style={{ color: '#8c8c8c' }} />
          </span>
        </Tooltip>
      ),
      render: (_: unknown, line: Line) => <IndicatorCell indicator={key} value={line.values[key]} status={line.status[key]} />,
    })),
  ];
  return (
    <ResponsiveCard
      style={{ marginTop: 12 }}
      testId="indicator-card"
      title={t('cmdIndicatorsTitle')}
      extra={
        <Space wrap>
          <Segmented
            size="small"
            data-testid="indicator-group"
            value={groupBy}
            onChange={(v) => onGroupBy(v as IndicatorGroup)}
            options={INDICATOR_GROUPS.map((g) => ({ value: g, label: t(GROUP_LABELS[g].tab) }))}
          />
          <Button size="small" icon={<DownloadOutlined />} href={exportUrl} download data-testid="indicator-export">
            {t('cmdExport')}
          </Button>
        </Space>
      }
    >
      {query.isError ? (
        <Alert type="error" showIcon message={t('loadFailed')} description={query.error.message} action={<Button onClick={() => void query.refetch()}>{t('retry')}</Button>} />
      ) : (
        <>
          <Table<Line>
            size="small"
            loading={query.isLoading}
            columns={columns}
            dataSource={lines}
            rowKey="key"
            pagination={false}
            scroll={{ x: 'max-content' }}
            onRow={(line) => ({ 'data-testid': 'indicator-row', 'data-key': line.key }) as React.HTMLAttributes<HTMLElement>}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('cmdLegend')}
          </Typography.Text>
        </>
      )}
    </ResponsiveCard>
  );
}
