import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { REQUEST_CATEGORIES, REQUEST_CATEGORY_LABELS, type RequestCategory } from '../../../shared/service-catalog.js';
import { errorMessage } from '../../api/formErrors.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { policyApi } from './api.js';

interface Row {
  key: number;
  category: RequestCategory;
  title: string;
  description: string;
  projectId: number | null;
  /** After submitting: the request's id, or why it failed. */
  result?: { ok: true; id: number } | { ok: false; reason: string };
}

let nextKey = 1;
const blank = (): Row => ({ key: nextKey++, category: 'other', title: '', description: '', projectId: null });

/**
 * 走访问题登记: problems found on the visit, each posted as a service request on the enterprise's
 * behalf (fromVisit). Rows are sent one by one so each shows its own outcome; a sent row is kept,
 * with its request number, and is not sent twice.
 */
export function VisitProblemForm({ enterpriseId, projects }: { enterpriseId: number; projects: { id: number; name: string }[] }) {
  const { t, lang } = useI18n();
  const [rows, setRows] = useState<Row[]>(() => [blank()]);
  const [busy, setBusy] = useState(false);
  const [nothing, setNothing] = useState(false);
  const change = (key: number, patch: Partial<Row>) => setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch, result: patch.result ?? (r.result?.ok ? r.result : undefined) } : r)));

  const submit = async () => {
    const pending = rows.filter((r) => !r.result?.ok && r.title.trim() && r.description.trim());
    setNothing(pending.length === 0);
    if (pending.length === 0) return;
    setBusy(true);
    for (const r of pending) {
      try {
        const { id } = await policyApi.raiseRequest({ enterpriseId, projectId: r.projectId, category: r.category, title: r.title.trim(), description: r.description.trim(), fromVisit: true });
        change(r.key, { result: { ok: true, id } });
      } catch (err) {
        change(r.key, { result: { ok: false, reason: errorMessage(err) } });
      }
    }
    setBusy(false);
  };

  return (
    <Card size="small" title={t('vkLog')} className="no-print" data-testid="visit-problems">
      <Typography.Paragraph type="secondary">{t('vkLogHint')}</Typography.Paragraph>
      {nothing && <Alert type="warning" showIcon message={t('vkNothing')} style={{ marginBottom: 8 }} />}
      <Table<Row>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 900 }}
        columns={[
          {
            title: t('vkCategory'),
            key: 'category',
            width: 120,
            render: (_, r) => (
              <Select value={r.category} disabled={r.result?.ok} style={{ width: '100%' }} onChange={(category) => change(r.key, { category })}
                options={REQUEST_CATEGORIES.map((c) => ({ value: c, label: REQUEST_CATEGORY_LABELS[c][lang] }))} data-testid="problem-category" />
            ),
          },
          { title: t('vkReqTitle'), key: 'title', width: 200, render: (_, r) => <Input value={r.title} disabled={r.result?.ok} maxLength={200} onChange={(e) => change(r.key, { title: e.target.value })} data-testid="problem-title" /> },
          {
            title: t('vkDescription'),
            key: 'description',
            render: (_, r) => <Input.TextArea value={r.description} disabled={r.result?.ok} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={5000} onChange={(e) => change(r.key, { description: e.target.value })} data-testid="problem-description" />,
          },
          {
            title: t('vkOptionalProject'),
            key: 'project',
            width: 180,
            render: (_, r) => (
              <Select allowClear value={r.projectId ?? undefined} disabled={r.result?.ok} style={{ width: '100%' }} onChange={(v) => change(r.key, { projectId: v ?? null })}
                options={projects.map((p) => ({ value: p.id, label: p.name }))} />
            ),
          },
          {
            title: '',
            key: 'result',
            width: 200,
            render: (_, r) => (
              <Space size={4}>
                {r.result && (
                  <Typography.Text type={r.result.ok ? 'success' : 'danger'} data-testid="problem-result">
                    {r.result.ok ? t('vkSubmitted', { id: r.result.id }) : t('vkFailed', { reason: r.result.reason })}
                  </Typography.Text>
                )}
                {!r.result?.ok && rows.length > 1 && (
                  <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('vkRemoveRow')} onClick={() => setRows((all) => all.filter((x) => x.key !== r.key))} />
                )}
              </Space>
            ),
          },
        ]}
      />
      <Space style={{ marginTop: 8 }}>
        <Button icon={<PlusOutlined />} onClick={() => setRows((all) => [...all, blank()])} data-testid="problem-add">
          {t('vkAddRow')}
        </Button>
        <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="problem-submit">
          {t('vkSubmit')}
        </Button>
      </Space>
    </Card>
  );
}
