import { Card, Col, Row, Skeleton, Tooltip, Typography } from 'antd';
import { INDICATORS, type IndicatorKey, type IndicatorTable } from '../../../shared/indicators.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { IndicatorCell } from './IndicatorTableCard.js';

/** The period's totals a leader looks at first, in the order the 考核 reads. */
export const HEADLINE_KEYS: IndicatorKey[] = ['signed', 'investmentYuan', 'landedRate', 'startedRate', 'operatingRate', 'fundsRate', 'overdueMilestones', 'requestsOnTimeRate'];

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
            <div data-testid={`headline-${key}`} style={{ fontSize: 20, fontWeight: 600, lineHeight: '30px' }}>
              <IndicatorCell indicator={key} value={table.total.values[key]} status={table.total.status[key]} />
            </div>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
