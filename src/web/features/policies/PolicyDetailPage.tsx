import { ArrowLeftOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Popconfirm, Skeleton, Space, Tabs, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { formatTimestamp } from '../../../shared/format.js';
import { ApiError } from '../../api/client.js';
import { errorMessage } from '../../api/formErrors.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useAuth } from '../auth/AuthProvider.js';
import { NotFound } from '../layout/NotFound.js';
import { policyApi } from './api.js';
import { SampleMark, ValidityRange, ValidityTag } from './labels.js';
import { PolicyMatches } from './PolicyMatches.js';
import { RuleChips } from './RuleChips.js';

export default function PolicyDetailPage() {
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const { t } = useI18n();
  const { isAdmin } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const policy = useQuery({ queryKey: ['policy', id], queryFn: () => policyApi.get(id), enabled: valid });
  const remove = useMutation({
    mutationFn: (version: number) => policyApi.remove(id, version),
    onSuccess: () => {
      message.success(t('plDeleted'));
      void qc.invalidateQueries({ queryKey: ['policies'] });
      navigate('/policies');
    },
    onError: (err) => {
      if (err instanceof ApiError && err.status === 409) {
        message.warning(t('plConflict'));
        void policy.refetch();
      } else message.error(errorMessage(err));
    },
  });

  if (!valid) return <NotFound />;
  if (policy.isError) {
    if (policy.error instanceof ApiError && policy.error.status === 404) return <NotFound />;
    return <Alert type="error" showIcon message={policy.error.message} />;
  }
  const p = policy.data;
  if (!p) return <Skeleton active paragraph={{ rows: 10 }} />;
  const none = t('none');
  const expired = p.validity === 'expired';

  return (
    <div data-testid="policy-detail">
      <div className="page-head">
        <Space wrap size={8}>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label={t('back')} />
          <Typography.Title level={4} data-testid="policy-title">
            {p.title}
          </Typography.Title>
          <ValidityTag validity={p.validity} />
          <SampleMark sample={p.isSample} />
        </Space>
        {isAdmin && (
          <Space wrap>
            <Button icon={<EditOutlined />} onClick={() => navigate(`/policies/${p.id}/edit`)} data-testid="edit-policy">
              {t('edit')}
            </Button>
            <Popconfirm title={t('plDeleteConfirm', { title: p.title })} okText={t('confirm')} cancelText={t('cancel')} onConfirm={() => remove.mutate(p.version)}>
              <Button danger icon={<DeleteOutlined />} loading={remove.isPending} data-testid="delete-policy">
                {t('plDelete')}
              </Button>
            </Popconfirm>
          </Space>
        )}
      </div>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }}
          items={[
            { key: 'issuer', label: t('plIssuer'), children: p.issuer || none },
            { key: 'doc', label: t('plDocNumber'), children: p.docNumber || none },
            { key: 'valid', label: t('plColValid'), children: <ValidityRange policy={p} /> },
            { key: 'rules', label: t('plRules'), span: 'filled' as const, children: <RuleChips rules={p.rules} /> },
            { key: 'benefits', label: t('plBenefits'), span: 'filled' as const, children: <div style={{ whiteSpace: 'pre-wrap' }}>{p.benefits || none}</div> },
            { key: 'updated', label: t('updatedAt'), children: formatTimestamp(p.updatedAt) },
          ]}
        />
      </Card>
      <Card size="small" title={t('plFullText')} style={{ marginBottom: 12 }}>
        <div style={{ whiteSpace: 'pre-wrap', lineHeight: 1.8 }} data-testid="policy-full-text">
          {p.fullText || none}
        </div>
      </Card>
      <Card size="small">
        <Tabs
          items={[
            { key: 'projects', label: t('plMatchProjects'), children: <PolicyMatches policyId={p.id} kind="projects" expired={expired} /> },
            { key: 'enterprises', label: t('plMatchEnterprises'), children: <PolicyMatches policyId={p.id} kind="enterprises" expired={expired} /> },
          ]}
        />
      </Card>
    </div>
  );
}
