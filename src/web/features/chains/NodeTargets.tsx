import { CheckOutlined, FlagOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Badge, Button, Card, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { ChainNode, Target, TargetList } from '../../../shared/chains.js';
import { api, ApiError, toQuery } from '../../api/client.js';
import { endpoints } from '../../api/endpoints.js';
import { errorMessage } from '../../api/formErrors.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useAuth } from '../auth/AuthProvider.js';
import { TargetPath } from './TargetPath.js';

const TIER_COLORS: Record<Target['tier'], string> = { direct: 'magenta', two_step: 'purple', none: 'default' };
const TIER_KEYS = { direct: 'tierDirect', two_step: 'tierTwoStep', none: 'tierNone' } as const;

// The same roles the server lets record leads; the server enforces them anyway.
const LEAD_RECORDERS = ['admin', 'region'];

// A province-scale gap node has thousands of candidates; a page is as many cards as one reads through.
const PAGE = 20;

function targetsPage(nodeId: number, offset: number): Promise<TargetList> {
  return api<TargetList>(`/api/chain-nodes/${nodeId}/targets${toQuery({ limit: PAGE, offset })}`);
}

/** A gap node's ranked targets, a page at a time; 「显示更多」 appends the next page below. */
export function NodeTargets({ node }: { node: ChainNode }) {
  const { user } = useAuth();
  const canRecord = !!user && LEAD_RECORDERS.includes(user.role);
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const targets = useInfiniteQuery({
    queryKey: ['targets', node.id],
    queryFn: ({ pageParam }) => targetsPage(node.id, pageParam),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const shown = pages.reduce((n, p) => n + p.items.length, 0);
      return shown < last.total && last.items.length > 0 ? shown : undefined;
    },
  });
  const record = useMutation({
    mutationFn: (target: Target) => endpoints.recordTarget({ enterpriseId: target.enterprise.id, nodeId: node.id }),
    onSuccess: () => message.success(t('leadRecorded')),
    onError: (err) => {
      if (err instanceof ApiError && err.status === 409) message.warning(err.message);
      else message.error(errorMessage(err));
    },
    // Refetches every page loaded so far, so the list keeps its length and the card its place.
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: ['targets', node.id] });
      void qc.invalidateQueries({ queryKey: ['leads'] });
    },
  });

  if (targets.isError) return <Alert type="error" showIcon message={targets.error.message} />;
  if (!targets.data) return <Skeleton active paragraph={{ rows: 6 }} />;
  // A candidate added between two pages shifts the later ones by one: the card already shown stays, once.
  const seen = new Set<number>();
  const items = targets.data.pages.flatMap((p) => p.items).filter((tg) => !seen.has(tg.enterprise.id) && !!seen.add(tg.enterprise.id));
  const total = targets.data.pages[targets.data.pages.length - 1].total;
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
              <Badge count={i + 1} color={i < 3 ? '#1677ff' : '#8c8c8c'} showZero overflowCount={Number.MAX_SAFE_INTEGER} />
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
      <Space direction="vertical" align="center" style={{ width: '100%' }}>
        <Typography.Text type="secondary" data-testid="targets-shown">
          {t('targetsShown', { n: total, m: items.length })}
        </Typography.Text>
        {targets.hasNextPage && (
          <Button data-testid="targets-more" loading={targets.isFetchingNextPage} onClick={() => void targets.fetchNextPage()}>
            {t('showMoreTargets')}
          </Button>
        )}
      </Space>
    </div>
  );
}
