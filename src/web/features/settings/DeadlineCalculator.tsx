import { Alert, Button, Card, DatePicker, InputNumber, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { MAX_DEADLINE_DAYS } from '../../../shared/calendar.js';
import { errorMessage } from '../../api/formErrors.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { settingsApi, weekdayOf } from './api.js';

/** Asks the server, so the preview counts exactly as request deadlines are counted. */
export function DeadlineCalculator() {
  const { t, lang } = useI18n();
  const [from, setFrom] = useState<Dayjs | null>(() => dayjs());
  const [days, setDays] = useState<number>(5);
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    if (!from) return;
    setError(null);
    try {
      setResult((await settingsApi.deadline(from.format('YYYY-MM-DD'), days)).dueOn);
    } catch (err) {
      setResult(null);
      setError(errorMessage(err));
    }
  };

  return (
    <Card size="small" title={t('setCalcTitle')}>
      <Typography.Paragraph type="secondary">{t('setCalcHint')}</Typography.Paragraph>
      <Space wrap>
        <DatePicker aria-label={t('setCalcFrom')} value={from} onChange={setFrom} allowClear={false} data-testid="calc-from" />
        <InputNumber aria-label={t('setCalcDays')} addonAfter={t('setCalcDays')} min={0} max={MAX_DEADLINE_DAYS} precision={0} value={days} onChange={(v) => setDays(typeof v === 'number' ? v : 0)} data-testid="calc-days" />
        <Button type="primary" onClick={() => void run()} disabled={!from} data-testid="calc-run">
          {t('setCalcRun')}
        </Button>
      </Space>
      {result && (
        <Typography.Paragraph strong style={{ marginTop: 12, marginBottom: 0 }} data-testid="calc-result">
          {t('setCalcResult', { day: result, weekday: weekdayOf(result, lang) })}
        </Typography.Paragraph>
      )}
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} />}
    </Card>
  );
}
