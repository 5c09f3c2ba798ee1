import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Empty, Form, Input, InputNumber, List, Modal, Progress, Row, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { ChainSummary, Cluster, Coverage, CreateChainInput } from '../../../shared/chains.js';
import { endpoints } from '../../api/endpoints.js';
import { applyFieldError, errorMessage } from '../../api/formErrors.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useAuth } from '../auth/AuthProvider.js';
import { percent, STATUS_COLORS } from './constants.js';

interface GapRow extends ChainSummary {
  clusterName: string;
}

function CoverageCounts({ c }: { c: Coverage }) {
  const { t } = useI18n();
  return (
    <Space size={4} wrap>
      <Tag color={c.missing ? 'red' : 'default'}>{t('countMissing', { n: c.missing })}</Tag>
      <Tag color={c.weak ? 'orange' : 'default'}>{t('countWeak', { n: c.weak })}</Tag>
      <Typography.Text type="secondary">{t('countNodes', { n: c.nodes })}</Typography.Text>
    </Space>
  );
}

function completenessColor(c: Coverage): string {
  if (c.completeness >= 0.8) return STATUS_COLORS.covered;
  if (c.completeness >= 0.5) return STATUS_COLORS.weak;
  return STATUS_COLORS.missing;
}

function ClusterCard({ cluster }: { cluster: Cluster }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Card
      size="small"
      data-testid="cluster-card"
      title={cluster.name}
      extra={<CoverageCounts c={cluster.coverage} />}
      style={{ height: '100%' }}
    >
      <Space direction="vertical" size={2} style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('completeness')}</Typography.Text>
        <Progress percent={percent(cluster.coverage.completeness)} strokeColor={completenessColor(cluster.coverage)} />
      </Space>
      <List
        size="small"
        dataSource={cluster.chains}
        locale={{ emptyText: t('noChains') }}
        renderItem={(ch) => (
          <List.Item
            className="clickable-row"
            data-testid="chain-item"
            data-chain-id={ch.id}
            onClick={() => navigate(`/chains/${ch.id}`)}
            extra={<CoverageCounts c={ch.coverage} />}
          >
            <Space direction="vertical" size={0} style={{ width: '100%', minWidth: 0 }}>
              <Link to={`/chains/${ch.id}`} data-testid="chain-link" onClick={(e) => e.stopPropagation()}>
                {ch.name}
              </Link>
              <Progress size="small" percent={percent(ch.coverage.completeness)} strokeColor={completenessColor(ch.coverage)} style={{ margin: 0, maxWidth: 260 }} />
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

function CreateChainModal({ clusters, onClose }: { clusters: Cluster[]; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [form] = Form.useForm<CreateChainInput>();
  const [error, setError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (v: CreateChainInput) => endpoints.createChain(v),
    onSuccess: (ch) => {
      void qc.invalidateQueries({ queryKey: ['clusters'] });
      message.success(t('chainCreated'));
      onClose();
      navigate(`/chains/${ch.id}`);
    },
    onError: (err) => {
      if (!applyFieldError(form, err, ['clusterId', 'name', 'description', 'weakThreshold'])) setError(errorMessage(err));
    },
  });
  return (
    <Modal open title={t('createChain')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} okText={t('save')} destroyOnHidden>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form<CreateChainInput>
        form={form}
        layout="vertical"
        initialValues={{ weakThreshold: 3 }}
        onFinish={(v) => {
          setError(null);
          create.mutate({ ...v, name: v.name.trim(), description: v.description?.trim() || undefined });
        }}
      >
        <Form.Item name="clusterId" label={t('cluster')} rules={[{ required: true, message: t('required', { field: t('cluster') }) }]}>
          <Select options={clusters.map((c) => ({ value: c.id, label: c.name }))} data-testid="chain-cluster" />
        </Form.Item>
        <Form.Item name="name" label={t('chainName')} rules={[{ required: true, whitespace: true, message: t('required', { field: t('chainName') }) }]}>
          <Input maxLength={100} data-testid="chain-name" />
        </Form.Item>
        <Form.Item name="weakThreshold" label={t('weakThreshold')} extra={t('weakThresholdHint')}>
          <InputNumber min={1} max={1000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="description" label={t('chainDescription')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function ChainsPage() {
  const { t } = useI18n();
  const { isAdmin } = useAuth();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const clusters = useQuery({ queryKey: ['clusters'], queryFn: endpoints.clusters });
  const items = clusters.data?.items ?? [];
  const rows: GapRow[] = items.flatMap((c) => c.chains.map((ch) => ({ ...ch, clusterName: c.name })));

  if (clusters.isError) {
    return (
      <Alert
        type="error"
        showIcon
        message={t('loadFailed')}
        description={clusters.error.message}
        action={<Button onClick={() => void clusters.refetch()}>{t('retry')}</Button>}
      />
    );
  }

  return (
    <div>
      <div className="page-head">
        <Typography.Title level={4}>{t('chainsTitle')}</Typography.Title>
        {isAdmin && items.length > 0 && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-chain">
            {t('createChain')}
          </Button>
        )}
      </div>
      {!clusters.data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : items.length === 0 ? (
        <Card size="small">
          <Empty description={t('noClusters')} />
        </Card>
      ) : (
        <>
          <Row gutter={[12, 12]}>
            {items.map((c) => (
              <Col xs={24} md={12} xl={8} key={c.id}>
                <ClusterCard cluster={c} />
              </Col>
            ))}
          </Row>
          <Card size="small" title={t('gapOverview')} style={{ marginTop: 12 }}>
            <Table<GapRow>
              rowKey="id"
              size="small"
              data-testid="gap-table"
              dataSource={rows}
              pagination={false}
              scroll={{ x: 720 }}
              rowClassName={() => 'clickable-row'}
              onRow={(r) => ({ onClick: () => navigate(`/chains/${r.id}`), 'data-testid': 'gap-row' }) as React.HTMLAttributes<HTMLElement>}
              locale={{ emptyText: t('noChains') }}
              columns={[
                {
                  title: t('chainName'),
                  dataIndex: 'name',
                  width: 180,
                  sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
                  render: (_, r) => (
                    <Link to={`/chains/${r.id}`} onClick={(e) => e.stopPropagation()}>
                      {r.name}
                    </Link>
                  ),
                },
                {
                  title: t('cluster'),
                  dataIndex: 'clusterName',
                  width: 150,
                  sorter: (a, b) => a.clusterName.localeCompare(b.clusterName, 'zh-CN'),
                },
                { title: t('colNodes'), key: 'nodes', align: 'right', width: 80, sorter: (a, b) => a.coverage.nodes - b.coverage.nodes, render: (_, r) => r.coverage.nodes },
                {
                  title: t('statusMissing'),
                  key: 'missing',
                  align: 'right',
                  width: 80,
                  sorter: (a, b) => a.coverage.missing - b.coverage.missing,
                  render: (_, r) => <Typography.Text type={r.coverage.missing ? 'danger' : undefined}>{r.coverage.missing}</Typography.Text>,
                },
                {
                  title: t('statusWeak'),
                  key: 'weak',
                  align: 'right',
                  width: 80,
                  sorter: (a, b) => a.coverage.weak - b.coverage.weak,
                  render: (_, r) => <Typography.Text type={r.coverage.weak ? 'warning' : undefined}>{r.coverage.weak}</Typography.Text>,
                },
                {
                  title: t('completeness'),
                  key: 'completeness',
                  width: 200,
                  defaultSortOrder: 'ascend',
                  sorter: (a, b) => a.coverage.completeness - b.coverage.completeness,
                  render: (_, r) => (
                    <Progress size="small" percent={percent(r.coverage.completeness)} strokeColor={completenessColor(r.coverage)} style={{ margin: 0 }} />
                  ),
                },
              ]}
            />
          </Card>
        </>
      )}
      {creating && <CreateChainModal clusters={items} onClose={() => setCreating(false)} />}
    </div>
  );
}
