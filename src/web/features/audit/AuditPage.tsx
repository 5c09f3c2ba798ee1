import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Input, Row, Select, Table, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { formatTimestamp } from '../../../shared/format.js';
import type { AuditEntry } from '../../../shared/audit.js';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from '../../../shared/audit-labels.js';
import { endpoints } from '../../api/endpoints.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { patchSearchParams } from '../../api/searchParams.js';

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  // Stored text is shown as text: React escapes it, nothing is rendered as HTML.
  return <pre className="json-block">{JSON.stringify(value, null, 2)}</pre>;
}

export default function AuditPage() {
  const { t, lang } = useI18n();
  const [search, setSearch] = useSearchParams();
  const page = Math.max(1, Number(search.get('page')) || 1);
  const pageSize = Math.min(100, Math.max(1, Number(search.get('pageSize')) || 20));
  const entity = search.get('entity') || undefined;
  const entityId = search.get('entityId') || undefined;

  const set = (patch: Record<string, string | number | undefined>) =>
    setSearch((prev) => patchSearchParams(prev, patch));

  const audit = useQuery({
    queryKey: ['audit', { page, pageSize, entity, entityId }],
    queryFn: () => endpoints.audit({ page, pageSize, entity, entityId }),
    placeholderData: keepPreviousData,
  });

  return (
    <div>
      <div className="page-head">
        <Typography.Title level={4}>{t('auditTitle')}</Typography.Title>
      </div>
      <Card size="small">
        <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
          <Col xs={24} sm={12} md={8}>
            <Select
              allowClear
              style={{ width: '100%' }}
              placeholder={t('colEntity')}
              aria-label={t('colEntity')}
              value={entity}
              onChange={(v?: string) => set({ entity: v })}
              options={Object.entries(AUDIT_ENTITY_LABELS).map(([value, l]) => ({ value, label: l[lang] }))}
              data-testid="audit-entity"
            />
          </Col>
          <Col xs={24} sm={12} md={8}>
            <Input.Search
              allowClear
              placeholder={t('colEntityId')}
              aria-label={t('colEntityId')}
              defaultValue={entityId}
              onSearch={(v) => set({ entityId: v.trim() })}
              data-testid="audit-entity-id"
            />
          </Col>
        </Row>
        {audit.isError && <Alert type="error" showIcon message={audit.error.message} style={{ marginBottom: 12 }} />}
        <Table<AuditEntry>
          rowKey="id"
          size="small"
          data-testid="audit-table"
          loading={audit.isFetching}
          dataSource={audit.data?.items ?? []}
          scroll={{ x: 800 }}
          locale={{ emptyText: t('emptyAudit') }}
          expandable={{
            expandedRowRender: (r) => (
              <Row gutter={12}>
                <Col xs={24} md={12}>
                  <Typography.Text strong>{t('before')}</Typography.Text>
                  <Json value={r.before} />
                </Col>
                <Col xs={24} md={12}>
                  <Typography.Text strong>{t('after')}</Typography.Text>
                  <Json value={r.after} />
                </Col>
              </Row>
            ),
          }}
          pagination={{
            current: page,
            pageSize,
            total: audit.data?.total ?? 0,
            showTotal: (n) => `${n}`,
            onChange: (p, ps) => set({ page: p, pageSize: ps }),
          }}
          columns={[
            { title: t('colAt'), dataIndex: 'at', width: 170, render: (at: string) => formatTimestamp(at) },
            { title: t('colActor'), dataIndex: 'actor', width: 140, render: (a: string | null) => a ?? t('systemActor') },
            { title: t('colAction'), dataIndex: 'action', width: 180, render: (a: string) => AUDIT_ACTION_LABELS[a]?.[lang] ?? a },
            { title: t('colEntity'), dataIndex: 'entity', width: 120, render: (e: string) => AUDIT_ENTITY_LABELS[e]?.[lang] ?? e },
            { title: t('colEntityId'), dataIndex: 'entityId', width: 120, render: (v: string | null) => v ?? '—' },
          ]}
        />
      </Card>
    </div>
  );
}
