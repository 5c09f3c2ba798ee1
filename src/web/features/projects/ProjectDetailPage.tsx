import { ArrowLeftOutlined, EditOutlined, RollbackOutlined, StopOutlined, StepForwardOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { formatTimestamp, formatYuan } from '../../../shared/format.js';
import { furthestReached, isOpenStage, nextStage, rollbackTargets } from '../../../shared/stages.js';
import { ApiError } from '../../api/client.js';
import { endpoints } from '../../api/endpoints.js';
import { useRegions } from '../../api/useRegions.js';
import { NotFound } from '../layout/NotFound.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useAuth } from '../auth/AuthProvider.js';
import { HistoryTimeline } from './HistoryTimeline.js';
import { StageSteps } from './StageSteps.js';
import { OverdueTag, SampleTag, StageTag } from './StageTag.js';
import { TransitionModal, type TransitionMode } from './TransitionModal.js';
import { useSigningEventItem } from '../events/useSigningEventItem.js';
import { LeadOrigin } from '../leads/LeadOrigin.js';
import { ProjectServicesTab } from '../approvals/ProjectServicesTab.js';
import { MatchedPoliciesCard } from '../policies/MatchedPolicies.js';

export default function ProjectDetailPage() {
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const { t, lang, field, stage } = useI18n();
  const { canWrite, isAdmin } = useAuth();
  const { nameOf } = useRegions();
  const navigate = useNavigate();
  const [mode, setMode] = useState<TransitionMode | null>(null);
  // The tab is in the URL so a notification can open a project at its approvals.
  const [search, setSearch] = useSearchParams();

  const project = useQuery({
    queryKey: ['project', id],
    queryFn: () => endpoints.project(id),
    enabled: Number.isInteger(id) && id > 0,
  });
  const history = useQuery({
    queryKey: ['history', id],
    queryFn: () => endpoints.history(id),
    enabled: project.isSuccess,
  });
  const signingEvent = useSigningEventItem(id, project.isSuccess);

  if (!Number.isInteger(id) || id <= 0) return <NotFound />;
  if (project.isError) {
    if (project.error instanceof ApiError && project.error.status === 404) return <NotFound />;
    return <Alert type="error" showIcon message={project.error.message} />;
  }
  const p = project.data;
  if (!p) return <Skeleton active paragraph={{ rows: 10 }} />;

  const records = history.data?.items ?? [];
  const before = p.stage === 'terminated' ? furthestReached(p.stageDates) : null;
  const next = nextStage(p.stage);
  const targets = isAdmin ? rollbackTargets(p.stage, p.stageDates) : [];
  const none = t('none');
  const text = (v: string | null | undefined) => (v && v.trim() ? v : none);

  const tags = [
    p.tagGreen && <Tag color="green" key="g">{field('tagGreen')}</Tag>,
    p.tagInnovation && <Tag color="purple" key="i">{field('tagInnovation')}</Tag>,
    p.tagValue && <Tag color="gold" key="v">{field('tagValue')}</Tag>,
  ].filter(Boolean);

  return (
    <div data-testid="project-detail" data-project-id={p.id}>
      <div className="page-head">
        <Space wrap size={8}>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label={t('back')} />
          <Typography.Title level={4} data-testid="project-name">
            {p.name}
          </Typography.Title>
          <StageTag stage={p.stage} testId="project-stage" />
          {p.overdue && <OverdueTag days={p.overdueDays} />}
          {p.isSample && <SampleTag />}
        </Space>
        {canWrite && (
          <Space wrap>
            <Button icon={<EditOutlined />} onClick={() => navigate(`/projects/${p.id}/edit`)} data-testid="edit-project">
              {t('edit')}
            </Button>
          </Space>
        )}
      </div>

      <Card size="small" title={t('stageProgress')} style={{ marginBottom: 12 }}>
        <StageSteps project={p} stageBeforeTermination={before} />
        {canWrite && (
          <Space wrap style={{ marginTop: 16 }}>
            {next && (
              <Button
                type="primary"
                icon={<StepForwardOutlined />}
                data-testid="advance-button"
                onClick={() => setMode({ kind: 'advance', to: next })}
              >
                {t('advanceTo', { stage: stage(next) })}
              </Button>
            )}
            {isOpenStage(p.stage) && (
              <Button danger icon={<StopOutlined />} data-testid="terminate-button" onClick={() => setMode({ kind: 'terminate' })}>
                {t('terminate')}
              </Button>
            )}
            {targets.length > 0 && (
              <Button
                icon={<RollbackOutlined />}
                data-testid="rollback-button"
                onClick={() => setMode({ kind: 'rollback', targets })}
              >
                {t('rollback')}
              </Button>
            )}
          </Space>
        )}
      </Card>

      <Tabs
        activeKey={search.get('tab') === 'services' ? 'services' : 'basic'}
        onChange={(key) => setSearch(key === 'services' ? { tab: 'services' } : {}, { replace: true })}
        items={[
          {
            key: 'basic',
            label: t('basicInfo'),
            children: (
              <>
                <Card size="small" title={t('basicInfo')} style={{ marginBottom: 12 }}>
                  <Descriptions
                    size="small"
                    bordered
                    column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }}
                    data-testid="project-fields"
                    items={[
                      { key: 'name', label: field('name'), children: p.name },
                      { key: 'investorName', label: field('investorName'), children: p.investorName },
                      { key: 'investorUscc', label: field('investorUscc'), children: text(p.investorUscc) },
                      {
                        key: 'enterprise',
                        label: field('enterpriseId'),
                        children: p.enterprise ? (
                          <Link to={`/enterprises/${p.enterprise.id}`} data-testid="project-enterprise">
                            {p.enterprise.name}
                          </Link>
                        ) : (
                          none
                        ),
                      },
                      {
                        key: 'node',
                        label: field('nodeId'),
                        children: p.node ? (
                          <Link to={`/chains/${p.node.chainId}`} data-testid="project-node">
                            {`${p.node.chainName} / ${p.node.name}`}
                          </Link>
                        ) : (
                          none
                        ),
                      },
                      { key: 'region', label: field('regionCode'), children: nameOf(p.regionCode, p.regionName) },
                      { key: 'cluster', label: field('cluster'), children: text(p.cluster) },
                      { key: 'chain', label: field('chain'), children: text(p.chain) },
                      { key: 'investment', label: t('colInvestment'), children: formatYuan(p.investmentYuan, lang) },
                      { key: 'funds', label: t('kpiFunds'), children: formatYuan(p.fundsInPlaceYuan, lang) },
                      { key: 'capacity', label: field('capacity'), children: text(p.capacity) },
                      { key: 'chainLeader', label: field('chainLeader'), children: text(p.chainLeader) },
                      ...signingEvent,
                      ...(p.lead ? [{ key: 'lead', label: `${t('lpLeadSource')} / ${t('lpReferredBy')}`, children: <LeadOrigin lead={p.lead} /> }] : []),
                      { key: 'officer', label: field('officer'), children: text(p.officer) },
                      { key: 'tags', label: t('tags'), children: tags.length ? tags : none },
                      {
                        key: 'stageDate',
                        label: field('stageDate'),
                        children: (
                          <>
                            <StageTag stage={p.stage} /> {p.stageDate}
                </>
              ),
            },
            { key: 'next', label: t('colNextPlanned'), children: text(p.nextPlannedDate) },
            ...(p.terminatedReason
              ? [{ key: 'terminatedReason', label: t('terminatedReason'), children: p.terminatedReason, span: 'filled' as const }]
              : []),
            { key: 'description', label: field('description'), children: <div style={{ whiteSpace: 'pre-wrap' }}>{text(p.description)}</div>, span: 'filled' as const },
            { key: 'createdAt', label: t('createdAt'), children: formatTimestamp(p.createdAt) },
            { key: 'updatedAt', label: t('updatedAt'), children: formatTimestamp(p.updatedAt) },
          ]}
        />
      </Card>

      <MatchedPoliciesCard subject={{ kind: 'project', id: p.id }} />

      <Card size="small" title={t('history')}>
        {history.isLoading ? <Skeleton active /> : <HistoryTimeline items={records} />}
      </Card>
              </>
            ),
          },
          { key: 'services', label: <span data-testid="tab-services">{t('apTab')}</span>, children: <ProjectServicesTab projectId={p.id} /> },
        ]}
      />

      {mode && <TransitionModal project={p} mode={mode} onClose={() => setMode(null)} />}
    </div>
  );
}
