import { DeleteOutlined, EditOutlined, PaperClipOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Popconfirm, Progress, Select, Skeleton, Space, Table, Tag, Upload } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import type { ApprovalItem, Factor } from '../../../shared/approvals.js';
import { PROJECT_TYPES, PROJECT_TYPE_LABELS, type ProjectType } from '../../../shared/service-catalog.js';
import { errorMessage } from '../../api/formErrors.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useAuth } from '../auth/AuthProvider.js';
import { approvalApi } from './api.js';
import { ApprovalModal } from './ApprovalModal.js';
import { FactorModal } from './FactorModal.js';
import { ApprovalStatusTag, BlockedBanner, factorName } from './labels.js';

const ACCEPT = '.pdf,.png,.jpg,.jpeg,.docx,.xlsx';
const TABLE = { rowKey: 'id', size: 'small', pagination: false } as const;
const amount = (n: number) => (Math.round(n * 100) / 100).toLocaleString('zh-CN');

/** The project's 审批与要素 tab: what blocks the next milestone, the approval items and the factors. */
export function ProjectServicesTab({ projectId }: { projectId: number }) {
  const { t, lang, stage } = useI18n();
  const { isAdmin } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [editing, setEditing] = useState<ApprovalItem | 'new' | null>(null);
  const [editingFactor, setEditingFactor] = useState<Factor | 'new' | null>(null);
  const [type, setType] = useState<ProjectType | undefined>();

  const services = useQuery({ queryKey: ['project-services', projectId], queryFn: () => approvalApi.services(projectId) });
  const templates = useQuery({ queryKey: ['approval-templates'], queryFn: approvalApi.templates, staleTime: 60_000 });
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['project-services', projectId] });
    void qc.invalidateQueries({ queryKey: ['projects'] });
    void qc.invalidateQueries({ queryKey: ['approvals'] });
  };
  const onFail = (err: unknown) => {
    message.error(errorMessage(err));
    refresh();
  };
  const apply = useMutation({ mutationFn: (projectType: ProjectType) => approvalApi.applyTemplate(projectId, { projectType }), onSuccess: refresh, onError: onFail });
  const remove = useMutation({ mutationFn: (a: ApprovalItem) => approvalApi.remove(a.id, a.version), onSuccess: refresh, onError: onFail });
  const removeFactor = useMutation({ mutationFn: (f: Factor) => approvalApi.removeFactor(projectId, f.kind), onSuccess: refresh, onError: onFail });

  if (services.isError) return <Alert type="error" showIcon message={services.error.message} />;
  const s = services.data;
  if (!s) return <Skeleton active />;
  const { manage, editDepartments } = s.can;
  const canHandle = (a: ApprovalItem) => manage || editDepartments.includes(a.department.code);
  const chosenType = type ?? s.projectType ?? undefined;

  const upload = (a: ApprovalItem) => (
    <Upload
      accept={ACCEPT}
      showUploadList={false}
      customRequest={({ file, onSuccess, onError }) => {
        approvalApi
          .upload(a.id, file as File)
          .then((res) => {
            onSuccess?.(res);
            message.success(t('apUploaded', { name: res.fileName }));
            refresh();
          })
          .catch((err: Error) => {
            onError?.(err);
            message.error(errorMessage(err));
          });
      }}
    >
      <Button size="small" icon={<UploadOutlined />} title={t('apUploadHint')} data-testid="approval-upload">
        {t('apUpload')}
      </Button>
    </Upload>
  );

  const approvalColumns: TableProps<ApprovalItem>['columns'] = [
    { title: t('apColItem'), dataIndex: 'name', key: 'name', width: 170, render: (_, a) => (lang === 'en' && a.nameEn ? a.nameEn : a.name) },
    { title: t('apColDepartment'), key: 'department', width: 150, render: (_, a) => (lang === 'zh' ? a.department.name : a.department.nameEn) },
    { title: t('apColStatus'), key: 'status', width: 100, render: (_, a) => <ApprovalStatusTag status={a.status} /> },
    { title: t('apColBlocks'), key: 'blocks', width: 90, render: (_, a) => stage(a.blocksStage) },
    { title: t('apColSubmitted'), dataIndex: 'submittedOn', key: 'submittedOn', width: 110, render: (v: string | null) => v ?? '—' },
    { title: t('apColApproved'), dataIndex: 'approvedOn', key: 'approvedOn', width: 110, render: (v: string | null) => v ?? '—' },
    { title: t('apColDocNo'), dataIndex: 'documentNo', key: 'documentNo', width: 150, ellipsis: true, render: (v: string) => v || '—' },
    {
      title: t('apColDocuments'),
      key: 'documents',
      width: 200,
      render: (_, a) => (
        <Space direction="vertical" size={2}>
          {a.attachments.map((f) => (
            <a key={f.id} href={approvalApi.attachmentUrl(f.id)} download data-testid="approval-document">
              <PaperClipOutlined /> {f.fileName}
            </a>
          ))}
          {canHandle(a) && upload(a)}
        </Space>
      ),
    },
    {
      title: t('apActions'),
      key: 'actions',
      width: 150,
      fixed: 'right',
      render: (_, a) => (
        <Space size={4}>
          {canHandle(a) && (
            <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setEditing(a)} data-testid="approval-handle">
              {t('apHandle')}
            </Button>
          )}
          {manage && (
            <Popconfirm title={t('apDeleteConfirm', { name: a.name })} onConfirm={() => remove.mutate(a)} okButtonProps={{ danger: true }}>
              <Button size="small" type="link" danger icon={<DeleteOutlined />} aria-label={t('apDelete')} />
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  const factorColumns: TableProps<Factor>['columns'] = [
    { title: t('apColFactor'), key: 'kind', width: 90, render: (_, f) => factorName(f.kind, lang) },
    { title: t('apColRequired'), key: 'required', width: 130, align: 'right', render: (_, f) => `${amount(f.requiredAmount)} ${lang === 'zh' ? f.unit : f.unitEn}` },
    { title: t('apColSecured'), key: 'secured', width: 130, align: 'right', render: (_, f) => `${amount(f.securedAmount)} ${lang === 'zh' ? f.unit : f.unitEn}` },
    {
      title: t('apColProgress'),
      key: 'progress',
      width: 170,
      render: (_, f) => {
        const pct = f.requiredAmount > 0 ? Math.min(100, Math.round((f.securedAmount / f.requiredAmount) * 100)) : 100;
        return <Progress percent={pct} size="small" status={pct >= 100 ? 'success' : 'active'} data-testid="factor-progress" />;
      },
    },
    { title: t('apColNeededBy'), dataIndex: 'neededBy', key: 'neededBy', width: 110, render: (v: string | null) => v ?? '—' },
    { title: t('apColSecuredOn'), dataIndex: 'securedOn', key: 'securedOn', width: 110, render: (v: string | null) => v ?? '—' },
    { title: t('apColBlocks'), key: 'blocks', width: 90, render: (_, f) => stage(f.blocksStage) },
    { title: t('apColDepartment'), key: 'department', width: 150, render: (_, f) => (f.department ? (lang === 'zh' ? f.department.name : f.department.nameEn) : '—') },
    ...(manage
      ? [
          {
            title: t('apActions'),
            key: 'actions',
            width: 120,
            render: (_: unknown, f: Factor) => (
              <Space size={4}>
                <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setEditingFactor(f)} data-testid="factor-edit">
                  {t('apEdit')}
                </Button>
                <Popconfirm title={t('apFactorDeleteConfirm', { name: factorName(f.kind, lang) })} onConfirm={() => removeFactor.mutate(f)} okButtonProps={{ danger: true }}>
                  <Button size="small" type="link" danger icon={<DeleteOutlined />} aria-label={t('apDelete')} />
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <div data-testid="project-services">
      <BlockedBanner blocked={s.blocked} okText={s.approvals.length + s.factors.length > 0 ? t('apNotBlocked') : undefined} />
      <Card
        size="small"
        title={t('apApprovals')}
        style={{ marginBottom: 12 }}
        extra={
          <Space wrap>
            <Tag>{s.projectType ? PROJECT_TYPE_LABELS[s.projectType][lang] : t('apNoType')}</Tag>
            {manage && (
              <>
                <Select
                  style={{ width: 130 }}
                  placeholder={t('apProjectType')}
                  value={chosenType}
                  onChange={setType}
                  options={PROJECT_TYPES.map((p) => ({ value: p, label: PROJECT_TYPE_LABELS[p][lang] }))}
                  data-testid="apply-template-type"
                />
                <Button disabled={!chosenType} loading={apply.isPending} title={t('apApplyHint')} onClick={() => chosenType && apply.mutate(chosenType)} data-testid="apply-template">
                  {t('apApplyTemplate')}
                </Button>
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="approval-add">
                  {t('apAddItem')}
                </Button>
              </>
            )}
          </Space>
        }
      >
        <Table<ApprovalItem>
          {...TABLE}
          columns={approvalColumns}
          dataSource={s.approvals}
          scroll={{ x: 1200 }}
          onRow={(a) => ({ 'data-testid': 'approval-row', 'data-name': a.name }) as React.HTMLAttributes<HTMLElement>}
          locale={{ emptyText: <Empty description={t('apNoApprovals')} /> }}
        />
      </Card>
      <Card
        size="small"
        title={t('apFactors')}
        extra={
          manage && (
            <Button icon={<PlusOutlined />} onClick={() => setEditingFactor('new')} disabled={s.factors.length >= 6} data-testid="factor-add">
              {t('apAddFactor')}
            </Button>
          )
        }
      >
        <Table<Factor>
          {...TABLE}
          columns={factorColumns}
          dataSource={s.factors}
          scroll={{ x: 1000 }}
          onRow={(f) => ({ 'data-testid': 'factor-row', 'data-kind': f.kind }) as React.HTMLAttributes<HTMLElement>}
          locale={{ emptyText: <Empty description={t('apNoFactors')} /> }}
        />
      </Card>
      {editing && (
        <ApprovalModal
          projectId={projectId}
          item={editing === 'new' ? null : editing}
          manage={manage}
          isAdmin={isAdmin}
          departments={templates.data?.departments ?? []}
          onClose={() => setEditing(null)}
          onSaved={refresh}
        />
      )}
      {editingFactor && (
        <FactorModal
          projectId={projectId}
          factor={editingFactor === 'new' ? null : editingFactor}
          taken={s.factors.map((f) => f.kind)}
          onClose={() => setEditingFactor(null)}
          onSaved={refresh}
        />
      )}
    </div>
  );
}
