import { ArrowLeftOutlined, DeleteOutlined, DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Empty, Grid, Popconfirm, Progress, Row, Skeleton, Space, Statistic, Switch, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { ChainNode } from '../../../shared/chains.js';
import { ApiError } from '../../api/client.js';
import { endpoints } from '../../api/endpoints.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useAuth } from '../auth/AuthProvider.js';
import { NotFound } from '../layout/NotFound.js';
import { ChainEditor, EditNodeModal, useDeleteNode } from './ChainEditor.js';
import { ChainGraph } from './ChainGraph.js';
import { percent, POSITION_KEYS, POSITIONS, STATUS_COLORS, STATUS_KEYS, STATUSES } from './constants.js';
import { NodeDrawer } from './NodeDrawer.js';
import { LeaderTag, StatusTag } from './StatusTag.js';

export default function ChainPage() {
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const { t } = useI18n();
  const { isAdmin } = useAuth();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const mobile = screens.md === false;
  const [editing, setEditing] = useState(false);
  const [openNodeId, setOpenNodeId] = useState<number | null>(null);
  const [editNode, setEditNode] = useState<ChainNode | null>(null);
  const deleteNode = useDeleteNode(id);

  const chain = useQuery({
    queryKey: ['chain', id],
    queryFn: () => endpoints.chain(id),
    enabled: Number.isInteger(id) && id > 0,
  });

  if (!Number.isInteger(id) || id <= 0) return <NotFound />;
  if (chain.isError) {
    if (chain.error instanceof ApiError && chain.error.status === 404) return <NotFound />;
    return <Alert type="error" showIcon message={chain.error.message} action={<Button onClick={() => void chain.refetch()}>{t('retry')}</Button>} />;
  }
  const c = chain.data;
  if (!c) return <Skeleton active paragraph={{ rows: 12 }} />;

  // The drawer follows the latest figures after an edit or a recorded lead.
  const openNode = c.nodes.find((n) => n.id === openNodeId) ?? null;
  const posOrder = (n: ChainNode) => POSITIONS.indexOf(n.position);
  const nodes = [...c.nodes].sort((a, b) => posOrder(a) - posOrder(b) || a.sortOrder - b.sortOrder || a.id - b.id);
  const localLeaders = c.leaders.filter((l) => l.isLocal);
  const outsideLeaders = c.leaders.filter((l) => !l.isLocal);

  return (
    <div data-testid="chain-page" data-chain-id={c.id}>
      <div className="page-head">
        <Space wrap size={8}>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/chains')} aria-label={t('back')} />
          <Typography.Title level={4} data-testid="chain-name">
            {c.name}
          </Typography.Title>
          <Tag>{c.clusterName}</Tag>
        </Space>
        <Space wrap>
          <Button icon={<DownloadOutlined />} href={endpoints.chainExportUrl(c.id)} download data-testid="chain-export">
            {t('exportExcel')}
          </Button>
          {isAdmin && (
            <Space size={4}>
              <Switch checked={editing} onChange={setEditing} data-testid="edit-mode" aria-label={t('editMap')} />
              <span>{t('editMap')}</span>
            </Space>
          )}
        </Space>
      </div>

      <Card size="small" style={{ marginBottom: 12 }}>
        <Space direction="vertical" size={8} style={{ width: '100%' }}>
          <Space wrap size={[4, 8]} data-testid="chain-leaders">
            <Typography.Text strong>{t('chainLeaders')}:</Typography.Text>
            {c.leaders.length === 0 && <Typography.Text type="secondary">{t('noLeaders')}</Typography.Text>}
            {localLeaders.map((l) => (
              <LeaderTag key={l.id} testId="chain-leader">
                <Link to={`/enterprises/${l.id}`} style={{ fontSize: 14 }}>
                  {l.name}
                </Link>
                {l.regionName ? ` · ${l.regionName}` : ''}
              </LeaderTag>
            ))}
            {outsideLeaders.map((l) => (
              <LeaderTag key={l.id} testId="chain-leader">
                <Link to={`/enterprises/${l.id}`}>{l.name}</Link> · {t('outside')}
              </LeaderTag>
            ))}
          </Space>
          {c.description && <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{c.description}</Typography.Paragraph>}
          <Row gutter={[12, 8]} align="middle">
            <Col xs={24} md={10}>
              <Typography.Text type="secondary">{t('completeness')}</Typography.Text>
              <Progress percent={percent(c.coverage.completeness)} data-testid="chain-completeness" />
            </Col>
            <Col xs={6} md={3}>
              <Statistic title={t('colNodes')} value={c.coverage.nodes} />
            </Col>
            <Col xs={6} md={3}>
              <Statistic title={t('statusMissing')} value={c.coverage.missing} valueStyle={{ color: STATUS_COLORS.missing }} />
            </Col>
            <Col xs={6} md={3}>
              <Statistic title={t('statusWeak')} value={c.coverage.weak} valueStyle={{ color: STATUS_COLORS.weak }} />
            </Col>
            <Col xs={6} md={3}>
              <Statistic title={t('statusCovered')} value={c.coverage.covered} valueStyle={{ color: STATUS_COLORS.covered }} />
            </Col>
          </Row>
          <Typography.Text type="secondary">{t('weakRule', { n: c.weakThreshold })}</Typography.Text>
        </Space>
      </Card>

      {isAdmin && editing && <ChainEditor chain={c} />}

      <Card size="small" title={t('chainMap')} extra={!mobile && <Typography.Text type="secondary">{t('nodeClickHint')}</Typography.Text>} style={{ marginBottom: 12 }}>
        {c.nodes.length === 0 ? (
          <Empty description={t('noNodes')} />
        ) : (
          <ChainGraph chain={c} compact={mobile} onNodeClick={(n) => setOpenNodeId(n.id)} />
        )}
      </Card>

      <Card size="small" title={t('nodeTable')}>
        <Table<ChainNode>
          rowKey="id"
          size="small"
          data-testid="node-table"
          dataSource={nodes}
          pagination={false}
          scroll={{ x: mobile ? 460 : 640 }}
          locale={{ emptyText: t('noNodes') }}
          rowClassName={() => 'clickable-row'}
          onRow={(n) =>
            ({
              'data-testid': 'node-row',
              'data-node-id': n.id,
              'data-status': n.status,
              onClick: () => setOpenNodeId(n.id),
            }) as HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              title: t('nodeName'),
              dataIndex: 'name',
              width: mobile ? 150 : 180,
              // On a phone the status rides with the name, so it is seen without scrolling sideways.
              render: (name: string, n: ChainNode) => (
                <Space size={4} wrap>
                  <Typography.Link>{name}</Typography.Link>
                  {mobile && <StatusTag status={n.status} />}
                </Space>
              ),
            },
            {
              title: t('colPosition'),
              dataIndex: 'position',
              width: 90,
              filters: POSITIONS.map((p) => ({ text: t(POSITION_KEYS[p]), value: p })),
              onFilter: (v, n) => n.position === v,
              render: (p: ChainNode['position']) => t(POSITION_KEYS[p]),
            },
            { title: t('colLocalCount'), dataIndex: 'localCount', align: 'right', width: 100, sorter: (a, b) => a.localCount - b.localCount },
            { title: t('colOutsideCount'), dataIndex: 'outsideCount', align: 'right', width: 100, sorter: (a, b) => a.outsideCount - b.outsideCount },
            {
              title: t('colStatus'),
              dataIndex: 'status',
              width: 90,
              filters: STATUSES.map((s) => ({ text: t(STATUS_KEYS[s]), value: s })),
              onFilter: (v, n) => n.status === v,
              render: (s: ChainNode['status']) => <StatusTag status={s} />,
            },
            ...(isAdmin && editing
              ? [
                  {
                    title: t('actions'),
                    key: 'actions',
                    width: 110,
                    render: (_: unknown, n: ChainNode) => (
                      <Space size={0} onClick={(e) => e.stopPropagation()}>
                        <Button type="text" size="small" icon={<EditOutlined />} aria-label={t('edit')} data-testid="edit-node" onClick={() => setEditNode(n)} />
                        <Popconfirm
                          title={t('deleteNodeConfirm', { name: n.name })}
                          onConfirm={() => deleteNode.mutate(n.id)}
                          okText={t('confirm')}
                          cancelText={t('cancel')}
                        >
                          <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('delete')} data-testid="delete-node" />
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>

      <NodeDrawer node={openNode} onClose={() => setOpenNodeId(null)} />
      {editNode && <EditNodeModal chainId={c.id} node={editNode} onClose={() => setEditNode(null)} />}
    </div>
  );
}
