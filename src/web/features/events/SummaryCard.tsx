import { Card, Col, Row, Statistic, Typography } from 'antd';
import type { EventSummary } from '../../../shared/events.js';
import { useI18n } from '../../i18n/I18nProvider.js';

/** The signing in the report's words, with its five figures beneath. */
export function SummaryCard({ summary }: { summary: EventSummary }) {
  const { t, lang } = useI18n();
  const figures = [
    { key: 'regions', label: t('evRegions'), value: summary.regions, unit: t('evUnitGe') },
    { key: 'chainLeaders', label: t('evChainLeaders'), value: summary.chainLeaders, unit: t('evUnitJia') },
    { key: 'partners', label: t('evPartners'), value: summary.partners, unit: t('evUnitJia') },
    { key: 'projects', label: t('evProjects'), value: summary.projects, unit: t('evUnitGe') },
    { key: 'total', label: t('evTotal'), value: summary.totalYi, unit: t('evYi') },
  ];
  return (
    <Card className="event-summary" title={t('evSummaryTitle')} extra={<Typography.Text type="secondary">{t('evSummaryHint')}</Typography.Text>}>
      <Typography.Paragraph className="event-summary-sentence" data-testid="event-summary-sentence">
        {lang === 'zh' ? summary.sentenceZh : summary.sentenceEn}
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {figures.map((f) => (
          <Col xs={12} sm={8} md={4} key={f.key} flex="auto">
            <Statistic title={f.label} value={f.value} suffix={f.unit} data-testid={`event-figure-${f.key}`} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
