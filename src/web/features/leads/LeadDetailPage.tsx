import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Dropdown, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { formatTimestamp, formatYuan } from '../../../shared/format.js';
import { LEAD_STATUSES, refuseLeadMove, refuseLeadSign, type LeadStatus } from '../../../shared/lead-status.js';
import { ApiError } from '../../api/client.js';
import { endpoints } from '../../api/endpoints.js';
import { useRegions } from '../../api/useRegions.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useAuth } from '../auth/AuthProvider.js';
import { NotFound } from '../layout/NotFound.js';
import { ActivityLog } from './ActivityLog.js';
import { LeadStatusTag, useLeadLabels } from './labels.js';
import { LeadMoveModal } from './LeadMoveModal.js';
import { SignLeadModal } from './SignLeadModal.js';

export default function LeadDetailPage() {
  const id = Number(useParams().id);
  const { t, lang } = useI18n();
  const labels = useLeadLabels();
  const { nameOf } = useRegions();
  const { canWrite } = useAuth();
  const navigate = useNavigate();
  const [moving, setMoving] = useState<LeadStatus | null>(null);
  const [signing, setSigning] = useState(false);
  const lead = useQuery({ queryKey: ['lead', id], queryFn: () => endpoints.lead(id), enabled: Number.isInteger(id) && id > 0 });

  if (!Number.isInteger(id) || id <= 0) return <NotFound />;
  if (lead.isError) {
    if (lead.error instanceof ApiError && lead.error.status === 404) return <NotFound />;
    return <Alert type="error" showIcon message={lead.error.message} />;
  }
  const l = lead.data;
  if (!l) return <Skeleton active paragraph={{ rows: 10 }} />;

  const none = t('lpNone');
  // The moves the shared rule allows from here (a lost move asks for its reason in the dialog).
  const moves = LEAD_STATUSES.filter((to) => to !== 'signed' && to !== l.status && !refuseLeadMove({ from: l.status, to, lostFrom: l.lostFrom, reason: '…' }));
  const canSign = !refuseLeadSign(l.status);

  return (
    <div>
      <Space style={{ marginBottom: 12 }} wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
          {t('back')}
        </Button>
      </Space>
      <div className="page-head" style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 8 }}>
        <Space size={8} wrap>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="lead-title">
            {l.enterprise.name}
          </Typography.Title>
          <LeadStatusTag status={l.status} />
          {l.overdue && <Tag color="red">{t('lpOverdueTag')}</Tag>}
          {l.isSample && <Tag>{t('lpSample')}</Tag>}
        </Space>
        {canWrite && (
          <Space wrap>
            <Button icon={<EditOutlined />} onClick={() => navigate(`/leads/${l.id}/edit`)} data-testid="lead-edit">
              {t('lpEdit')}
            </Button>
            {moves.length > 0 && (
              <Dropdown
                menu={{
                  items: moves.map((to) => ({
                    key: to,
                    danger: to === 'lost',
                    label: <span data-testid={`lead-move-${to}`}>{l.status === 'lost' ? t('lpReopen', { status: labels.status(to) }) : to === 'lost' ? t('lpLostTitle') : t('lpMoveTo', { status: labels.status(to) })}</span>,
                  })),
                  onClick: ({ key }) => setMoving(key as LeadStatus),
                }}
              >
                <Button data-testid="lead-move">{t('lpFilterStatus')}</Button>
              </Dropdown>
            )}
            {canSign && (
              <Button type="primary" onClick={() => setSigning(true)} data-testid="lead-sign">
                {t('lpSign')}
              </Button>
            )}
          </Space>
        )}
      </div>
      {l.project && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          message={
            <span>
              {t('lpSignedProject')}:<Link to={`/projects/${l.project.id}`} data-testid="lead-project-link">{l.project.name}</Link>
              {l.signedOn && `(${t('lpSignedOn')} ${l.signedOn})`}
            </span>
          }
        />
      )}
      {l.status === 'lost' && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={`${t('lpLostReason')}:${l.lostReason ?? ''}`} description={l.lostFrom ? `${t('lpLostFrom')}:${labels.status(l.lostFrom)}` : undefined} />
      )}
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('lpFields')}>
            <Descriptions column={1} size="small" data-testid="lead-fields">
              <Descriptions.Item label={t('lpColFirm')}>
                {l.enterprise.id ? <Link to={`/enterprises/${l.enterprise.id}`}>{l.enterprise.name}</Link> : l.enterprise.name}
              </Descriptions.Item>
              <Descriptions.Item label={t('lpContact')}>{[l.contactName, l.contactPhone].filter(Boolean).join(' ') || none}</Descriptions.Item>
              <Descriptions.Item label={t('lpColChain')}>
                {l.chain ? <Link to={`/chains/${l.chain.id}`}>{l.chain.name}</Link> : none}
                {l.node && ` · ${l.node.name}`}
              </Descriptions.Item>
              <Descriptions.Item label={t('lpColRegion')}>{l.regionCode ? nameOf(l.regionCode, l.regionName ?? undefined) : none}</Descriptions.Item>
              <Descriptions.Item label={t('lpColSource')}>{labels.source(l.source)}</Descriptions.Item>
              <Descriptions.Item label={t('lpColReferrer')}>
                {l.referrer ? <Link to={`/enterprises/${l.referrer.id}`}>{l.referrer.name}</Link> : none}
              </Descriptions.Item>
              <Descriptions.Item label={t('lpEvent')}>{l.event?.name ?? none}</Descriptions.Item>
              <Descriptions.Item label={t('lpColOwner')}>{l.owner?.name ?? none}</Descriptions.Item>
              <Descriptions.Item label={t('lpColInvestment')}>
                {l.estimatedInvestmentYuan == null ? none : formatYuan(l.estimatedInvestmentYuan, lang)}
              </Descriptions.Item>
              <Descriptions.Item label={t('lpColNext')}>
                <Typography.Text type={l.overdue ? 'danger' : undefined}>{[l.nextStepOn, l.nextStep].filter(Boolean).join(' ') || none}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('lpNote')}>{l.note || none}</Descriptions.Item>
              {l.score != null && <Descriptions.Item label={t('lpScore')}>{l.score.toFixed(1)}</Descriptions.Item>}
              {l.explanation && <Descriptions.Item label={t('lpExplanation')}>{l.explanation}</Descriptions.Item>}
              <Descriptions.Item label={t('lpCreatedBy')}>
                {[l.createdBy, formatTimestamp(l.createdAt)].filter(Boolean).join(' · ')}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <ActivityLog lead={l} canWrite={canWrite} />
        </Col>
      </Row>
      {moving && <LeadMoveModal lead={l} to={moving} onClose={() => setMoving(null)} />}
      {signing && <SignLeadModal lead={l} onClose={() => setSigning(false)} />}
    </div>
  );
}
