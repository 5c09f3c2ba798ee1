import { Card, Col, Row, Skeleton, Tag, Tooltip, Typography } from 'antd';
import { INDICATORS, type IndicatorKey, type IndicatorStatus, type IndicatorTable } from '../../../shared/indicators.js';
import { formatIndicator } from './format.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { STATUS } from './IndicatorTableCard.js';

/** The period's totals a leader looks at first, in the order the 考核 reads. */
export const HEADLINE_KEYS: IndicatorKey[] = ['signed', 'investmentYuan', 'landedRate', 'startedRate', 'operatingRate', 'fundsRate', 'overdueMilestones', 'requestsOnTimeRate'];

/** A big figure in its status colour, with the status in words beside it. */
function Headline({ indicator, value, status }: { indicator: IndicatorKey; value: number | null; status: IndicatorStatus | null }) {
  const { t, lang } = useI18n();
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
      <span data-testid={`headline-${indicator}`} data-status={status ?? undefined} style={{ fontSize: 22, fontWeight: 600, lineHeight: '32px', color: status ? STATUS[status].text : undefined }}>
        {formatIndicator(indicator, value, lang)}
      </span>
      {status && <Tag color={STATUS[status].color}>{t(STATUS[status].label)}</Tag>}
    </div>
  );
}

export function HeadlineFigures({ table }: { table: IndicatorTable | undefined }) {
  const { lang } = useI18n();
  if (!table) return <Skeleton active paragraph={{ rows: 8 }} />;
  return (
    <Row gutter={[8, 8]}>
      {HEADLINE_KEYS.map((key) => (
        <Col span={12} key={key}>
          <Card size="small" styles={{ body: { padding: '10px 12px' } }}>
            <Tooltip title={INDICATORS[key].definition[lang]}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {INDICATORS[key].label[lang]}
              </Typography.Text>
            </Tooltip>
            <Headline indicator={key} value={table.total.values[key]} status={table.total.status[key]} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
