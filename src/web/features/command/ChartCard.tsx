import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Grid, Segmented, Skeleton, Space, Table, type TableColumnsType } from 'antd';
import { useState, type CSSProperties, type ReactNode } from 'react';
import { useI18n } from '../../i18n/I18nProvider.js';

interface Props<Row> {
  title: ReactNode;
  testId: string;
  /** The chart's .xlsx twin, with the same query. */
  exportUrl: string;
  chart: ReactNode;
  columns: TableColumnsType<Row>;
  rows: Row[] | undefined;
  rowKey: (row: Row) => string;
  error?: Error | null;
  onRetry?: () => void;
  extra?: ReactNode;
}

/** A chart and the table of the same numbers behind a 图/表 switch, with the export beside it. */
export function ChartCard<Row extends object>({ title, testId, exportUrl, chart, columns, rows, rowKey, error, onRetry, extra }: Props<Row>) {
  const { t } = useI18n();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  let body: ReactNode;
  if (error) {
    body = <Alert type="error" showIcon message={t('loadFailed')} description={error.message} action={onRetry && <Button onClick={onRetry}>{t('retry')}</Button>} />;
  } else if (!rows) {
    body = <Skeleton active paragraph={{ rows: 5 }} />;
  } else if (rows.length === 0) {
    body = <Empty description={t('cmdEmpty')} />;
  } else if (view === 'chart') {
    body = chart;
  } else {
    body = <Table<Row> size="small" columns={columns} dataSource={rows} rowKey={rowKey} pagination={false} scroll={{ x: 'max-content' }} data-testid={`${testId}-table`} />;
  }
  const controls = (
    <Space size={8} wrap>
      {extra}
      <Segmented
        size="small"
        value={view}
        onChange={(v) => setView(v as 'chart' | 'table')}
        options={[
          { value: 'chart', label: <span data-testid={`${testId}-as-chart`}>{t('cmdAsChart')}</span> },
          { value: 'table', label: <span data-testid={`${testId}-as-table`}>{t('cmdAsTable')}</span> },
        ]}
      />
      <Button size="small" icon={<DownloadOutlined />} href={exportUrl} download data-testid={`${testId}-export`}>
        {t('cmdExport')}
      </Button>
    </Space>
  );
  return (
    <ResponsiveCard title={title} testId={testId} extra={controls}>
      {body}
    </ResponsiveCard>
  );
}

/**
 * A small card whose header controls sit beside the title on a wide screen and above the content on
 * a phone, where beside the title they would squeeze it to an ellipsis.
 */
export function ResponsiveCard({ title, testId, extra, children, style }: { title: ReactNode; testId: string; extra: ReactNode; children: ReactNode; style?: CSSProperties }) {
  const narrow = Grid.useBreakpoint().md === false;
  return (
    <Card size="small" title={title} data-testid={testId} extra={narrow ? undefined : extra} style={style}>
      {narrow && <div style={{ marginBottom: 8 }}>{extra}</div>}
      {children}
    </Card>
  );
}
