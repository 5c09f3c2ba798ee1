import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Input, Select, Space, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { ApprovalQueueItem } from '../../../shared/approvals.js';
import { formatTimestamp } from '../../../shared/format.js';
import { APPROVAL_STATUSES, APPROVAL_STATUS_LABELS } from '../../../shared/service-catalog.js';
import type { AnyStage } from '../../../shared/stages.js';
import { patchSearchParams } from '../../api/searchParams.js';
import { useRegions } from '../../api/useRegions.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useAuth } from '../auth/AuthProvider.js';
import { StageTag } from '../projects/StageTag.js';
import { approvalApi, type ApprovalQueueFilters } from './api.js';
import { ApprovalModal } from './ApprovalModal.js';
import { ApprovalStatusTag } from './labels.js';

const SORTS = ['updatedAt', 'submittedOn', 'projectName'] as const;
const OPEN = 'pending,submitted,rejected';

/** 审批事项: a department's own queue; the prefecture's and regions' view across their projects. */
export default function ApprovalQueuePage() {
  const { t, lang, stage } = useI18n();
  const { user, isAdmin } = useAuth();
  const { regions, nameOf } = useRegions();
  const qc = useQueryClient();
  const [search, setSearch] = useSearchParams();
  const [handling, setHandling] = useState<ApprovalQueueItem | null>(null);
  const isDepartment = user?.role === 'department';

  const params = useMemo(() => {
    const sort = search.get('sort');
    return {
      status: search.get('status') ?? (isDepartment ? OPEN : undefined),
      departmentCode: search.get('departmentCode') || undefined,
      regionCode: search.get('regionCode') || undefined,
      q: search.get('q') || undefined,
      sort: (SORTS as readonly string[]).includes(sort ?? '') ? (sort as (typeof SORTS)[number]) : undefined,
      order: search.get('order') === 'asc' ? ('asc' as const) : search.get('order') === 'desc' ? ('desc' as const) : undefined,
      page: Math.max(1, Number(search.get('page')) || 1),
      pageSize: Math.min(100, Math.max(1, Number(search.get('pageSize')) || 20)),
    };
  }, [search, isDepartment]);
  const update = (patch: Partial<Record<keyof typeof params, string | number | undefined>>) => setSearch((prev) => patchSearchParams(prev, patch));
  const [q, setQ] = useState(params.q ?? '');
  useEffect(() => setQ(params.q ?? ''), [params.q]);

  const filters: ApprovalQueueFilters = { status: params.status || undefined, departmentCode: params.departmentCode, regionCode: params.regionCode, q: params.q, sort: params.sort, order: params.order };
  const list = useQuery({ queryKey: ['approvals', params], queryFn: () => approvalApi.queue({ ...filters, page: params.page, pageSize: params.pageSize }), placeholderData: keepPreviousData });
  const templates = useQuery({ queryKey: ['approval-templates'], queryFn: approvalApi.templates, staleTime: 60_000 });
  const departments = templates.data?.departments ?? [];

  const owns = (a: ApprovalQueueItem) => isAdmin || (user?.role === 'region' && user.regionCodes.includes(a.project.regionCode));
  const canHandle = (a: ApprovalQueueItem) => owns(a) || (isDepartment && user?.department === a.department.code);
  const sortOrder = (key: string) => (params.sort === key ? (params.order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null);
  const statuses = params.status ? params.status.split(',') : [];

  const columns: TableProps<ApprovalQueueItem>['columns'] = [
    {
      title: t('apColProject'),
      key: 'projectName',
      sorter: true,
      sortOrder: sortOrder('projectName'),
      width: 240,
      render: (_, a) => (
        <Space size={4} wrap>
          <Link to={`/projects/${a.project.id}?tab=services`} data-testid="queue-project">
            {a.project.name}
          </Link>
          <StageTag stage={a.project.stage as AnyStage} />
        </Space>
      ),
    },
    { title: t('apColRegion'), key: 'region', width: 130, render: (_, a) => nameOf(a.project.regionCode, a.project.regionName) },
    { title: t('apColItem'), key: 'name', width: 160, render: (_, a) => (lang === 'en' && a.nameEn ? a.nameEn : a.name) },
    { title: t('apColDepartment'), key: 'department', width: 150, render: (_, a) => (lang === 'zh' ? a.department.name : a.department.nameEn) },
    { title: t('apColStatus'), key: 'status', width: 100, render: (_, a) => <ApprovalStatusTag status={a.status} /> },
    { title: t('apColBlocks'), key: 'blocks', width: 90, render: (_, a) => stage(a.blocksStage) },
    { title: t('apColSubmitted'), key: 'submittedOn', sorter: true, sortOrder: sortOrder('submittedOn'), width: 110, render: (_, a) => a.submittedOn ?? '—' },
    { title: t('apColApproved'), key: 'approvedOn', width: 110, render: (_, a) => a.approvedOn ?? '—' },
    { title: t('apColDocNo'), key: 'documentNo', width: 140, ellipsis: true, render: (_, a) => a.documentNo || '—' },
    { title: t('apColUpdated'), key: 'updatedAt', sorter: true, sortOrder: sortOrder('updatedAt'), width: 140, render: (_, a) => formatTimestamp(a.updatedAt) },
    {
      title: t('apActions'),
      key: 'actions',
      width: 90,
      fixed: 'right',
      render: (_, a) =>
        canHandle(a) && (
          <Button size="small" type="link" onClick={() => setHandling(a)} data-testid="queue-handle">
            {t('apHandle')}
          </Button>
        ),
    },
  ];

  const onChange: TableProps<ApprovalQueueItem>['onChange'] = (pagination, _f, sorter, extra) => {
    if (extra.action === 'sort') {
      const s = Array.isArray(sorter) ? sorter[0] : sorter;
      const key = s?.order ? String(s.columnKey) : undefined;
      update({ sort: key, order: key ? (s.order === 'ascend' ? 'asc' : 'desc') : undefined });
    } else update({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? 20 });
  };

  return (
    <div>
      <div className="page-head">
        <Space direction="vertical" size={0}>
          <Typography.Title level={4}>{t('apQueueTitle')}</Typography.Title>
          {isDepartment && <Typography.Text type="secondary">{t('apQueueSubtitleDept')}</Typography.Text>}
        </Space>
      </div>
      <Card size="small">
        <Space wrap size={[8, 8]} style={{ marginBottom: 12 }}>
          <Select
            mode="multiple"
            allowClear
            placeholder={t('apColStatus')}
            style={{ minWidth: 220 }}
            value={statuses}
            // An empty choice is written as status= so a department's default (open items) can be cleared.
            onChange={(v: string[]) => setSearch((prev) => { const next = patchSearchParams(prev, {}); next.set('status', v.join(',')); return next; })}
            options={APPROVAL_STATUSES.map((s) => ({ value: s, label: APPROVAL_STATUS_LABELS[s][lang] }))}
            data-testid="queue-status"
          />
          {!isDepartment && (
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={t('apColDepartment')}
              style={{ width: 200 }}
              value={params.departmentCode}
              onChange={(v: string | undefined) => update({ departmentCode: v })}
              options={departments.map((d) => ({ value: d.code, label: lang === 'zh' ? d.name : d.nameEn }))}
            />
          )}
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('apColRegion')}
            style={{ width: 200 }}
            value={params.regionCode}
            onChange={(v: string | undefined) => update({ regionCode: v })}
            options={regions.filter((r) => r.kind !== 'prefecture').map((r) => ({ value: r.code, label: nameOf(r.code, r.name) }))}
          />
          <Input.Search allowClear placeholder={t('apQueueSearch')} style={{ width: 240 }} value={q} onChange={(e) => setQ(e.target.value)} onSearch={(v) => update({ q: v.trim() || undefined })} data-testid="queue-q" />
          <Button onClick={() => update({ status: OPEN })}>{t('apOnlyOpen')}</Button>
          <Button icon={<DownloadOutlined />} href={approvalApi.exportUrl(filters)} download>
            {t('apExport')}
          </Button>
        </Space>
        {list.isError && <Alert type="error" showIcon message={list.error.message} style={{ marginBottom: 12 }} />}
        <Table<ApprovalQueueItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          onChange={onChange}
          onRow={() => ({ 'data-testid': 'queue-row' }) as React.HTMLAttributes<HTMLElement>}
          scroll={{ x: 1400 }}
          locale={{ emptyText: <Empty description={t('apQueueEmpty')} /> }}
          pagination={{ current: params.page, pageSize: params.pageSize, total: list.data?.total ?? 0, showSizeChanger: true, showTotal: (n) => t('apQueueCount', { n }) }}
        />
      </Card>
      {handling && (
        <ApprovalModal
          projectId={handling.project.id}
          item={handling}
          manage={owns(handling)}
          isAdmin={isAdmin}
          departments={departments}
          onClose={() => setHandling(null)}
          onSaved={() => {
            void qc.invalidateQueries({ queryKey: ['approvals'] });
            void qc.invalidateQueries({ queryKey: ['project-services', handling.project.id] });
          }}
        />
      )}
    </div>
  );
}
