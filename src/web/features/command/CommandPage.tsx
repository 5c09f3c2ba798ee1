import { Alert, Button, Col, Row, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../i18n/I18nProvider.js';
import { AnalyticsCards } from './AnalyticsCards.js';
import { commandApi } from './api.js';
import { FigureFilters, lastYears } from './FigureFilters.js';
import { HeadlineFigures } from './HeadlineFigures.js';
import { IndicatorTableCard } from './IndicatorTableCard.js';
import { MapCard } from './MapCard.js';
import { useFigureParams } from './useFigureParams.js';

/** 指挥视图: the map, the period's headline figures, the 考核 table and the analytics, all under one period/region/cluster. */
export default function CommandPage() {
  const { t } = useI18n();
  const figures = useFigureParams();
  const { params, query: q, update } = figures;
  const indicatorQuery = { ...q, groupBy: params.groupBy };
  const indicators = useQuery({ queryKey: ['indicators', indicatorQuery], queryFn: () => commandApi.indicators(indicatorQuery) });
  return (
    <div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', justifyContent: 'space-between', marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('cmdTitle')}
        </Typography.Title>
        <FigureFilters figures={figures} period={indicators.data?.period} />
      </div>
      {indicators.data?.total.values.signed === 0 && (
        // The demo's projects were signed in 2023, and a new period starts empty: say so, and offer a wider one.
        <Alert
          data-testid="figure-empty-period"
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('cmdEmptyPeriod')}
          action={
            <Button size="small" data-testid="figure-five-years" onClick={() => update(lastYears(5))}>
              {t('cmdShowFiveYears')}
            </Button>
          }
        />
      )}
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={15}>
          <MapCard figure={params.figure} from={q.from} to={q.to} onFigure={(figure) => update({ figure })} height={380} />
        </Col>
        <Col xs={24} xl={9}>
          <HeadlineFigures table={indicators.data} />
        </Col>
      </Row>
      <IndicatorTableCard query={indicators} groupBy={params.groupBy} onGroupBy={(groupBy) => update({ groupBy })} exportUrl={commandApi.indicatorsXlsx(indicatorQuery)} />
      <AnalyticsCards q={q} />
    </div>
  );
}
