import { useQuery } from '@tanstack/react-query';
import { Alert, Drawer, Grid, List, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { ChainNode } from '../../../shared/chains.js';
import { formatYuan } from '../../../shared/format.js';
import type { AnyStage } from '../../../shared/stages.js';
import { endpoints } from '../../api/endpoints.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useAuth } from '../auth/AuthProvider.js';
import { StageTag } from '../projects/StageTag.js';
import { POSITION_KEYS } from './constants.js';
import { NodeTargets } from './NodeTargets.js';
import { LeaderTag, StatusTag } from './StatusTag.js';

// The same roles the server lets see targets; the server enforces them anyway.
const TARGET_READERS = ['admin', 'leader', 'region'];

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
                children: <NodeTargets node={node} />,
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
