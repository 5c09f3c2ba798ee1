import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Rate, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { formatTimestamp } from '../../../shared/format.js';
import { ApiError } from '../../api/client.js';
import { useRegions } from '../../api/useRegions.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { NotFound } from '../layout/NotFound.js';
import { serviceApi } from './api.js';
import { AssignmentCards } from './AssignmentCards.js';
import { AttachmentList } from './AttachmentList.js';
import { EnterpriseVerdict } from './EnterpriseVerdict.js';
import { LightDot, RequestStatusTag, useServiceLabels } from './labels.js';
import { RequestTimeline } from './RequestTimeline.js';

export default function ServiceDetailPage() {
  const id = Number(useParams().id);
  const { t } = useI18n();
  const labels = useServiceLabels();
  const { nameOf } = useRegions();
  const navigate = useNavigate();
  const valid = Number.isInteger(id) && id > 0;
  const query = useQuery({ queryKey: ['service-request', id], queryFn: () => serviceApi.get(id), enabled: valid });

  if (!valid) return <NotFound />;
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 404) return <NotFound />;
    return <Alert type="error" showIcon message={query.error.message} />;
  }
  const r = query.data;
  if (!r) return <Skeleton active paragraph={{ rows: 10 }} />;
  const none = t('svcNone');

  return (
    <div>
      <div style={{ marginBottom: 12 }}>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
          {t('svcBack')}
        </Button>
      </div>
      <Space size={8} wrap style={{ marginBottom: 12 }}>
        <LightDot light={r.light} />
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="service-title">
          {r.title}
        </Typography.Title>
        <RequestStatusTag status={r.status} testId="service-detail-status" />
        {r.escalatedAt && <Tag color="red">{t('svcEscalated')}</Tag>}
        {r.isSample && <Tag>{t('svcSample')}</Tag>}
      </Space>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} data-testid="service-fields">
          <Descriptions.Item label={t('svcEnterprise')}>{r.enterprise.name}</Descriptions.Item>
          <Descriptions.Item label={t('svcProjectShown')}>{r.project ? <Link to={`/projects/${r.project.id}`}>{r.project.name}</Link> : none}</Descriptions.Item>
          <Descriptions.Item label={t('svcCategory')}>{labels.category(r.category)}</Descriptions.Item>
          <Descriptions.Item label={t('svcRegion')}>{r.regionCode ? nameOf(r.regionCode, r.regionName ?? undefined) : none}</Descriptions.Item>
          <Descriptions.Item label={t('svcRaisedBy')}>
            {r.raisedBy ?? none}
            {r.onBehalf && <Tag style={{ marginLeft: 6 }}>{t('svcOnBehalf')}</Tag>}
            {r.fromVisit && <Tag>{t('svcFromVisit')}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label={t('svcColCreated')}>{formatTimestamp(r.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t('svcDueOn')}>{r.dueOn ?? none}</Descriptions.Item>
          {r.resolvedOnTime !== null && <Descriptions.Item label={t('svcResolution')}>{r.resolvedOnTime ? t('svcOnTime') : t('svcLate')}</Descriptions.Item>}
          {r.rating !== null && (
            <Descriptions.Item label={t('svcRating')}>
              <Rate disabled value={r.rating} data-testid="service-rating-shown" />
              {r.ratingComment && <span style={{ marginLeft: 8 }}>{r.ratingComment}</span>}
            </Descriptions.Item>
          )}
          {r.escalationNote && <Descriptions.Item label={t('svcEscalated')}>{r.escalationNote}</Descriptions.Item>}
        </Descriptions>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12, marginBottom: 0 }} data-testid="service-description">
          {r.description}
        </Typography.Paragraph>
      </Card>
      <Card size="small" title={t('svcAssignments')} style={{ marginBottom: 12 }}>
        <AssignmentCards request={r} />
        <EnterpriseVerdict request={r} />
      </Card>
      <Row gutter={12}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('svcTimeline')} style={{ marginBottom: 12 }}>
            <RequestTimeline events={r.timeline} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('svcAttachments')}>
            <AttachmentList request={r} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
