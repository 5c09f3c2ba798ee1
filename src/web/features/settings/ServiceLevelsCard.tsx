import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, InputNumber, Select, Table, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { SERVICE_LEVEL_MAX_DAYS, type ServiceLevel } from '../../../shared/calendar.js';
import { formatTimestamp } from '../../../shared/format.js';
import { REQUEST_CATEGORY_LABELS } from '../../../shared/service-catalog.js';
import { errorMessage } from '../../api/formErrors.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { settingsApi } from './api.js';

type Draft = Pick<ServiceLevel, 'departmentCode' | 'workingDays' | 'escalateAfterDays'>;

/** One row per request category, edited in place; a row's 保存 appears once it differs from the server. */
export function ServiceLevelsCard() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const levels = useQuery({ queryKey: ['service-levels'], queryFn: settingsApi.serviceLevels });
  const [drafts, setDrafts] = useState<Partial<Record<string, Draft>>>({});
  const [saving, setSaving] = useState<string | null>(null);

  const edit = (row: ServiceLevel, change: Partial<Draft>) =>
    setDrafts((d) => ({ ...d, [row.category]: { departmentCode: row.departmentCode, workingDays: row.workingDays, escalateAfterDays: row.escalateAfterDays, ...d[row.category], ...change } }));

  const save = async (row: ServiceLevel) => {
    const draft = drafts[row.category];
    if (!draft) return;
    setSaving(row.category);
    try {
      const fresh = await settingsApi.saveServiceLevels({ items: [{ category: row.category, ...draft }] });
      qc.setQueryData(['service-levels'], fresh);
      setDrafts(({ [row.category]: _saved, ...rest }) => rest);
      message.success(t('setSaved'));
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setSaving(null);
    }
  };

  if (levels.isError) {
    return <Alert type="error" showIcon message={t('loadFailed')} description={levels.error.message} action={<Button onClick={() => void levels.refetch()}>{t('retry')}</Button>} />;
  }
  const departments = (levels.data?.departments ?? []).map((d) => ({ value: d.code, label: lang === 'en' ? d.nameEn : d.name }));
  const value = (row: ServiceLevel): Draft => drafts[row.category] ?? row;
  const dayInput = (row: ServiceLevel, key: 'workingDays' | 'escalateAfterDays', label: string) => (
    <InputNumber
      min={1}
      max={SERVICE_LEVEL_MAX_DAYS}
      precision={0}
      aria-label={`${REQUEST_CATEGORY_LABELS[row.category][lang]} ${label}`}
      data-testid={`level-${row.category}-${key}`}
      value={value(row)[key]}
      onChange={(v) => typeof v === 'number' && edit(row, { [key]: v })}
      style={{ width: 96 }}
    />
  );

  return (
    <Card size="small" title={t('setLevelsTitle')}>
      <Typography.Paragraph type="secondary">{t('setLevelsHint')}</Typography.Paragraph>
      <Table<ServiceLevel>
        rowKey="category"
        size="small"
        loading={levels.isLoading}
        dataSource={levels.data?.items ?? []}
        pagination={false}
        scroll={{ x: 720 }}
        onRow={(row) => ({ 'data-testid': `level-row-${row.category}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('setColCategory'), dataIndex: 'category', render: (c: ServiceLevel['category']) => REQUEST_CATEGORY_LABELS[c][lang] },
          {
            title: t('setColDepartment'),
            dataIndex: 'departmentCode',
            render: (_: string, row) => (
              <Select
                aria-label={`${REQUEST_CATEGORY_LABELS[row.category][lang]} ${t('setColDepartment')}`}
                value={value(row).departmentCode}
                options={departments}
                onChange={(code) => edit(row, { departmentCode: code })}
                style={{ width: 240 }}
                showSearch
                optionFilterProp="label"
              />
            ),
          },
          { title: t('setColDays'), dataIndex: 'workingDays', render: (_: number, row) => dayInput(row, 'workingDays', t('setColDays')) },
          { title: t('setColEscalate'), dataIndex: 'escalateAfterDays', render: (_: number, row) => dayInput(row, 'escalateAfterDays', t('setColEscalate')) },
          { title: t('setColUpdated'), dataIndex: 'updatedAt', render: (v: string) => <Typography.Text type="secondary">{formatTimestamp(v)}</Typography.Text> },
          {
            title: '',
            key: 'save',
            render: (_: unknown, row) => (
              <Button type="primary" size="small" data-testid={`level-save-${row.category}`} disabled={!drafts[row.category]} loading={saving === row.category} onClick={() => void save(row)}>
                {t('setSave')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
