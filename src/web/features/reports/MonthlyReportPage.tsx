import { DownloadOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Skeleton, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router-dom';
import { todayInShanghai } from '../../../shared/format.js';
import { patchSearchParams } from '../../api/searchParams.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { commandApi } from '../command/api.js';
import { RegionSelect } from '../command/FigureFilters.js';
import { ReportSheet } from './ReportSheet.js';
import './report.css';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** 月度报告: pick a month and a region, read or print the report, or take it as PDF; the 台账 beside it. */
export default function MonthlyReportPage() {
  const { t } = useI18n();
  const [search, setSearch] = useSearchParams();
  const asked = search.get('month');
  const month = asked && MONTH.test(asked) ? asked : todayInShanghai().slice(0, 7);
  const region = search.get('region') || undefined;
  const q = { month, region };
  const report = useQuery({ queryKey: ['reports', 'monthly', q], queryFn: () => commandApi.monthly(q) });
  const monthEnd = dayjs(`${month}-01`).endOf('month').format('YYYY-MM-DD');
  const set = (patch: Record<string, string | undefined>) => setSearch((prev) => patchSearchParams(prev, patch), { replace: true });

  return (
    <div className="report-page">
      <div className="report-controls" style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', justifyContent: 'space-between', marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('rpTitle')}
        </Typography.Title>
        <Space wrap>
          <DatePicker
            picker="month"
            allowClear={false}
            aria-label={t('rpMonth')}
            data-testid="report-month"
            value={dayjs(`${month}-01`)}
            disabledDate={(d) => d.isAfter(dayjs(), 'month')}
            onChange={(d) => d && set({ month: d.format('YYYY-MM') })}
          />
          <RegionSelect testId="report-region" value={region} onChange={(code) => set({ region: code })} />
          <Button icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!report.data}>
            {t('rpPrint')}
          </Button>
          <Button icon={<FilePdfOutlined />} href={commandApi.monthlyPdf(q)} download data-testid="report-pdf">
            {t('rpPdf')}
          </Button>
          <Button icon={<DownloadOutlined />} href={commandApi.ledgerXlsx({ from: `${month.slice(0, 4)}-01-01`, to: monthEnd })} download data-testid="report-ledger">
            {t('rpLedger')}
          </Button>
        </Space>
      </div>
      {report.isError ? (
        <Alert type="error" showIcon message={t('loadFailed')} description={report.error.message} action={<Button onClick={() => void report.refetch()}>{t('retry')}</Button>} />
      ) : report.data ? (
        <ReportSheet report={report.data} />
      ) : (
        <Skeleton active paragraph={{ rows: 12 }} />
      )}
    </div>
  );
}
