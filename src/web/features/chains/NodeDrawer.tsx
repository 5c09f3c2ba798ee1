import { CheckOutlined, FlagOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Badge, Button, Card, Drawer, Empty, Grid, List, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { ChainNode, Target } from '../../../shared/chains.js';
import { formatYuan } from '../../../shared/format.js';
import type { AnyStage } from '../../../shared/stages.js';
import { ApiError } from '../../api/client.js';
import { endpoints } from '../../api/endpoints.js';
import { errorMessage } from '../../api/formErrors.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useAuth } from '../auth/AuthProvider.js';
import { StageTag } from '../projects/StageTag.js';
import { POSITION_KEYS } from './constants.js';
import { LeaderTag, StatusTag } from './StatusTag.js';
import { TargetPath } from './TargetPath.js';

const TIER_COLORS: Record<Target['tier'], string> = { direct: 'magenta', two_step: 'purple', none: 'default' };
const TIER_KEYS = { direct: 'tierDirect', two_step: 'tierTwoStep', none: 'tierNone' } as const;

// The same roles the server lets see targets and record leads; the server enforces them anyway.
const TARGET_READERS = ['admin', 'leader', 'region'];
const LEAD_RECORDERS = ['admin', 'region'];

function TargetList({ node }: { node: ChainNode }) {
  const { user } = useAuth();
  const canRecord = !!user && LEAD_RECORDERS.includes(user.role);
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const targets = useQuery({ queryKey: ['targets', node.id], queryFn: () => endpoints.targets(node.id) });
  const record = useMutation({
    mutationFn: (target: Target) => endpoints.createLead({ enterpriseId: target.enterprise.id, nodeId: node.id }),
    onSuccess: () => message.success(t('leadRecorded')),
    onError: (err) => {
      if (err instanceof ApiError && err.status === 409) message.warning(err.message);
      else message.error(errorMessage(err));
    },
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: ['targets', node.id] });
      void qc.invalidateQueries({ queryKey: ['leads'] });
    },
  });

  if (targets.isError) return <Alert type="error" showIcon message={targets.error.message} />;
  if (!targets.data) return <Skeleton active paragraph={{ rows: 6 }} />;
  const items = targets.data.items;
  if (items.length === 0) return <Empty description={t('noTargets')} data-testid="targets-empty" />;

  return (
    <div>
      <Typography.Paragraph type="secondary">{t('targetsHint')}</Typography.Paragraph>
      {items.map((tg, i) => (
        <Card
          key={tg.enterprise.id}
          size="small"
          data-testid="target-row"
          data-enterprise-id={tg.enterprise.id}
          data-tier={tg.tier}
          style={{ marginBottom: 8 }}
          title={
            <Space size={6} wrap>
              <Badge count={i + 1} color={i < 3 ? '#1677ff' : '#8c8c8c'} showZero />
              <Link to={`/enterprises/${tg.enterprise.id}`}>{tg.enterprise.name}</Link>
              <Tag color={TIER_COLORS[tg.tier]} data-testid="target-tier">
                {t(TIER_KEYS[tg.tier])}
              </Tag>
            </Space>
          }
          extra={
            <Typography.Text strong data-testid="target-score">
              {t('score')} {tg.score.toFixed(1)}
            </Typography.Text>
          }
        >
          <Space direction="vertical" size={6} style={{ width: '100%' }}>
            <Typography.Text type="secondary">
              {[tg.enterprise.province, tg.enterprise.city].filter(Boolean).join(' · ') || t('none')}
            </Typography.Text>
            <Typography.Paragraph style={{ margin: 0 }} data-testid="target-explanation">
              {tg.explanation}
            </Typography.Paragraph>
            {tg.paths.map((p, pi) => (
              <TargetPath key={pi} targetId={tg.enterprise.id} path={p} />
            ))}
            <div>
              {tg.leadId != null ? (
                <Button size="small" icon={<CheckOutlined />} disabled data-testid="lead-recorded">
                  {t('leadAlready')}
                </Button>
              ) : !canRecord ? null : (
                <Button
                  size="small"
                  type="primary"
                  icon={<FlagOutlined />}
                  data-testid="record-lead"
                  loading={record.isPending && record.variables?.enterprise.id === tg.enterprise.id}
                  disabled={record.isPending}
                  onClick={() => record.mutate(tg)}
                >
                  {t('recordLead')}
                </Button>
              )}
            </div>
          </Space>
        </Card>
      ))}
    </div>
  );
}

export function NodeDrawer({ node, onClose }: { node: ChainNode | null; onClose: () => void }) {
  const { t, lang } = useI18n();
  const screens = Grid.useBreakpoint();
  const mobile = screens.md === false;
  const detail = useQuery({
    queryKey: ['chain-node', node?.id],
    queryFn: () => endpoints.node(node!.id),
    enabled: node != null,
  });
  const d = detail.data;
  const { user } = useAuth();
  const gap = node != null && node.status !== 'covered' && !!user && TARGET_READERS.includes(user.role);
  const local = d?.enterprises.filter((e) => e.isLocal) ?? [];
  const outside = d?.enterprises.filter((e) => !e.isLocal) ?? [];

  const enterpriseList = (rows: NonNullable<typeof d>['enterprises'], empty: string) => (
    <List
      size="small"
      dataSource={rows}
      locale={{ emptyText: empty }}
      renderItem={(e) => (
        <List.Item data-testid="node-enterprise">
          <Space size={4} wrap>
            <Link to={`/enterprises/${e.id}`}>{e.name}</Link>
            {e.isLeader && <LeaderTag testId="node-leader" />}
          </Space>
          <Typography.Text type="secondary">
            {e.isLocal ? (e.regionName ?? '') : [e.province, e.city].filter(Boolean).join(' · ')}
          </Typography.Text>
        </List.Item>
      )}
    />
  );

  const tabs = d
    ? [
        {
          key: 'enterprises',
          label: `${t('tabEnterprises')} (${d.enterprises.length})`,
          children: (
            <>
              <Typography.Title level={5}>{t('localEnterprises', { n: local.length })}</Typography.Title>
              {enterpriseList(local, t('noLocalEnterprises'))}
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                {t('outsideEnterprises', { n: outside.length })}
              </Typography.Title>
              {enterpriseList(outside, t('noOutsideEnterprises'))}
              <div style={{ marginTop: 8 }}>
                <Link to={`/enterprises?nodeId=${d.node.id}`}>{t('viewInEnterpriseList')}</Link>
              </div>
            </>
          ),
        },
        {
          key: 'projects',
          label: `${t('tabProjects')} (${d.projects.length})`,
          children: (
            <List
              size="small"
              dataSource={d.projects}
              locale={{ emptyText: t('noNodeProjects') }}
              renderItem={(p) => (
                <List.Item data-testid="node-project">
                  <Space size={4} wrap>
                    <Link to={`/projects/${p.id}`}>{p.name}</Link>
                    <StageTag stage={p.stage as AnyStage} />
                  </Space>
                  <Typography.Text type="secondary">
                    {p.regionName} · {formatYuan(p.investmentYuan, lang)}
                  </Typography.Text>
                </List.Item>
              )}
            />
          ),
        },
        ...(gap
          ? [
              {
                key: 'targets',
                label: <span data-testid="targets-tab">{t('tabTargets')}</span>,
                children: <TargetList node={node} />,
              },
            ]
          : []),
      ]
    : [];

  return (
    <Drawer
      open={node != null}
      onClose={onClose}
      width={mobile ? '100%' : 720}
      destroyOnHidden
      title={
        node && (
          <Space size={6} wrap>
            <span>{node.name}</span>
            <Tag>{t(POSITION_KEYS[node.position])}</Tag>
            <StatusTag status={node.status} />
          </Space>
        )
      }
    >
      {node && (
        <div data-testid="node-drawer" data-node-id={node.id}>
          <Space size={16} wrap style={{ marginBottom: 8 }}>
            <span>
              {t('colLocalCount')}: <b>{node.localCount}</b>
            </span>
            <span>
              {t('colOutsideCount')}: <b>{node.outsideCount}</b>
            </span>
          </Space>
          {detail.isError ? (
            <Alert type="error" showIcon message={detail.error.message} />
          ) : !d ? (
            <Skeleton active paragraph={{ rows: 6 }} />
          ) : (
            <Tabs defaultActiveKey={gap ? 'targets' : 'enterprises'} items={tabs} />
          )}
        </div>
      )}
    </Drawer>
  );
}
