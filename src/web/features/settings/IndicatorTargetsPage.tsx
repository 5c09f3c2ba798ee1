import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState, type HTMLAttributes } from 'react';
import { formatTimestamp } from '../../../shared/format.js';
import { INDICATOR_KEYS, INDICATORS, type IndicatorKey, type IndicatorTargetList } from '../../../shared/indicators.js';
import { ApiError } from '../../api/client.js';
import { errorMessage } from '../../api/formErrors.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { commandApi } from '../command/api.js';

type Draft = Record<IndicatorKey, { green: number | null; yellow: number | null }>;
// Stored → typed: ratios are stored 0..1 and typed as percentages, money is stored in yuan and typed in 万元.
const scaleOf = (key: IndicatorKey) => ({ ratio: 100, yuan: 1 / 10_000 })[INDICATORS[key].unit as 'ratio' | 'yuan'] ?? 1;

function toDraft(list: IndicatorTargetList | undefined): Draft {
  const byKey = new Map(list?.targets.map((t) => [t.indicator, t]));
  return Object.fromEntries(
    INDICATOR_KEYS.map((k) => {
      const t = byKey.get(k);
      return [k, { green: t ? t.green * scaleOf(k) : null, yellow: t ? t.yellow * scaleOf(k) : null }];
    }),
  ) as Draft;
}

/** What is wrong with one row as typed, naming the field; null when it can be saved. */
function rowProblem(key: IndicatorKey, d: Draft[IndicatorKey], t: ReturnType<typeof useI18n>['t'], lang: 'zh' | 'en'): string | null {
  const label = INDICATORS[key].label[lang];
  if ((d.green === null) !== (d.yellow === null)) return t(d.green === null ? 'tgNeedGreen' : 'tgNeedYellow', { label });
  if (d.green === null || d.yellow === null) return null;
  if (INDICATORS[key].direction === 'higher' ? d.yellow > d.green : d.yellow < d.green) return t(INDICATORS[key].direction === 'higher' ? 'tgYellowAboveGreen' : 'tgYellowBelowGreen', { label });
  return null;
}

/** 考核目标: per indicator, the values that turn it green and yellow; below yellow it is red. */
export default function IndicatorTargetsPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const targets = useQuery({ queryKey: ['indicator-targets'], queryFn: commandApi.targets });
  const [draft, setDraft] = useState<Draft>(() => toDraft(undefined));
  const [serverError, setServerError] = useState<{ key?: IndicatorKey; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => setDraft(toDraft(targets.data)), [targets.data]);

  if (targets.isError) {
    return <Alert type="error" showIcon message={t('loadFailed')} description={targets.error.message} action={<Button onClick={() => void targets.refetch()}>{t('retry')}</Button>} />;
  }
  const problems = INDICATOR_KEYS.map((k) => [k, rowProblem(k, draft[k], t, lang)] as const).filter(([, p]) => p);
  const updatedAt = new Map(targets.data?.targets.map((x) => [x.indicator, x.updatedAt]));

  const save = async () => {
    setSaving(true);
    setServerError(null);
    const rows = INDICATOR_KEYS.flatMap((k) => {
      const d = draft[k];
      return d.green === null || d.yellow === null ? [] : [{ indicator: k, green: Math.round((d.green / scaleOf(k)) * 1e6) / 1e6, yellow: Math.round((d.yellow / scaleOf(k)) * 1e6) / 1e6 }];
    });
    try {
      const fresh = await commandApi.saveTargets({ targets: rows });
      qc.setQueryData(['indicator-targets'], fresh);
      // Every status on the command view depends on the targets.
      void qc.invalidateQueries({ queryKey: ['indicators'] });
      message.success(t('setSaved'));
    } catch (err) {
      // The server names the field as targets.<index>.<green|yellow>; point at that row.
      const index = err instanceof ApiError && err.field ? Number(err.field.split('.')[1]) : NaN;
      setServerError({ key: rows[index]?.indicator, text: errorMessage(err) });
    } finally {
      setSaving(false);
    }
  };

  const input = (key: IndicatorKey, which: 'green' | 'yellow') => (
    <InputNumber
      min={0}
      max={INDICATORS[key].unit === 'ratio' ? 100 : INDICATORS[key].unit === 'rating' ? 5 : undefined}
      precision={INDICATORS[key].unit === 'rating' ? 1 : INDICATORS[key].unit === 'ratio' ? 1 : 0}
      addonAfter={t(INDICATORS[key].unit === 'ratio' ? 'tgUnitPercent' : INDICATORS[key].unit === 'days' ? 'tgUnitDays' : INDICATORS[key].unit === 'yuan' ? 'tgUnitYuan' : INDICATORS[key].unit === 'rating' ? 'tgUnitRating' : 'tgUnitCount')}
      aria-label={`${INDICATORS[key].label[lang]} ${t(which === 'green' ? 'tgGreen' : 'tgYellow')}`}
      data-testid={`target-${key}-${which}`}
      value={draft[key][which]}
      status={rowProblem(key, draft[key], t, lang) || serverError?.key === key ? 'error' : undefined}
      onChange={(v) => setDraft((d) => ({ ...d, [key]: { ...d[key], [which]: typeof v === 'number' ? v : null } }))}
      style={{ width: 170 }}
    />
  );

  return (
    <Card size="small" title={t('tgTitle')}>
      <Typography.Paragraph type="secondary">{t('tgHint')}</Typography.Paragraph>
      <Table<{ key: IndicatorKey }>
        rowKey="key"
        size="small"
        loading={targets.isLoading}
        dataSource={INDICATOR_KEYS.map((key) => ({ key }))}
        pagination={false}
        scroll={{ x: 900 }}
        onRow={(row) => ({ 'data-testid': `target-row-${row.key}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('tgColIndicator'),
            key: 'label',
            render: (_: unknown, { key }) => (
              <div>
                <div>{INDICATORS[key].label[lang]}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{INDICATORS[key].definition[lang]}</Typography.Text>
              </div>
            ),
          },
          { title: t('tgColDirection'), key: 'dir', render: (_: unknown, { key }) => <Tag>{t(INDICATORS[key].direction === 'higher' ? 'tgHigher' : 'tgLower')}</Tag> },
          { title: <Tag color="success">{t('tgGreen')}</Tag>, key: 'green', render: (_: unknown, { key }) => input(key, 'green') },
          { title: <Tag color="warning">{t('tgYellow')}</Tag>, key: 'yellow', render: (_: unknown, { key }) => input(key, 'yellow') },
          { title: t('setColUpdated'), key: 'updated', render: (_: unknown, { key }) => <Typography.Text type="secondary">{updatedAt.has(key) ? formatTimestamp(updatedAt.get(key)!) : '—'}</Typography.Text> },
        ]}
      />
      <Space direction="vertical" style={{ marginTop: 12, width: '100%' }}>
        {problems.map(([k, p]) => <Alert key={k} type="error" showIcon message={p} data-testid="target-problem" />)}
        {serverError && <Alert type="error" showIcon message={serverError.text} data-testid="target-server-error" />}
        <Button type="primary" onClick={() => void save()} loading={saving} disabled={problems.length > 0 || !targets.data} data-testid="targets-save">
          {t('setSave')}
        </Button>
      </Space>
    </Card>
  );
}
