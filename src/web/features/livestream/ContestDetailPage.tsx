import { EditOutlined, LinkOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Space, Spin, Tabs, Typography } from 'antd';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useI18n } from '../../i18n/I18nProvider.js';
import { livestreamApi } from './api.js';
import { BoardTab } from './BoardTab.js';
import { ContestantsTab } from './ContestantsTab.js';
import { FlagsTab } from './FlagsTab.js';
import { PhaseTag, SampleTag } from './labels.js';
import { OrdersTab } from './OrdersTab.js';
import { OverviewTab } from './OverviewTab.js';

export default function ContestDetailPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const [search, setSearch] = useSearchParams();
  const contest = useQuery({ queryKey: ['ls-contest', id], queryFn: () => livestreamApi.get(id) });
  if (contest.isLoading) return <Spin />;
  if (contest.isError || !contest.data) return <Alert type="error" showIcon message={contest.error?.message} />;
  const c = contest.data;
  const tab = search.get('tab') ?? 'overview';
  const tabs = [
    { key: 'overview', label: t('lsTabOverview'), children: <OverviewTab contest={c} /> },
    { key: 'contestants', label: t('lsTabContestants'), children: <ContestantsTab contest={c} /> },
    { key: 'orders', label: t('lsTabOrders'), children: <OrdersTab contest={c} /> },
    { key: 'board', label: t('lsTabBoard'), children: <BoardTab contest={c} /> },
    ...(c.canJudge ? [{ key: 'flags', label: t('lsTabFlags'), children: <FlagsTab contest={c} /> }] : []),
  ];
  return (
    <div>
      <div className="page-head" style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 8 }}>
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="ls-title">{c.name}</Typography.Title>
          <PhaseTag phase={c.phase} />
          <SampleTag sample={c.isSample} />
        </Space>
        <Space wrap>
          <Link to={`/open/livestream/${c.id}`} target="_blank" data-testid="ls-public-link"><LinkOutlined /> {t('lsPublicLink')}</Link>
          {c.canManage && !c.settledAt && (
            <Button icon={<EditOutlined />} onClick={() => navigate(`/livestream/${c.id}/edit`)} data-testid="ls-edit">{t('lsEdit')}</Button>
          )}
          <Button onClick={() => navigate('/livestream')}>{t('lsBack')}</Button>
        </Space>
      </div>
      <Typography.Paragraph type="secondary">
        {c.venue} · {t('lsColRegistration')} {c.registrationOpensOn} ~ {c.registrationClosesOn} · {t('lsColWindow')} {c.windowStartOn} ~ {c.windowEndOn}
      </Typography.Paragraph>
      <Tabs activeKey={tab} onChange={(key) => setSearch({ tab: key }, { replace: true })} items={tabs.map((x) => ({ ...x, label: <span data-testid={`ls-tab-${x.key}`}>{x.label}</span> }))} destroyOnHidden />
    </div>
  );
}
