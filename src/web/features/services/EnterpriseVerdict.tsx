import { Button, Card, Col, Form, Input, Popconfirm, Rate, Row } from 'antd';
import type { ServiceRequestDetail } from '../../../shared/service-requests.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { serviceApi } from './api.js';
import { useRequestAction } from './useRequestAction.js';

/** Once every department has resolved: the enterprise confirms with a rating, or sends it back with a reason. */
export function EnterpriseVerdict({ request }: { request: ServiceRequestDetail }) {
  const { t } = useI18n();
  const [confirmForm] = Form.useForm<{ rating: number; comment?: string }>();
  const [reopenForm] = Form.useForm<{ reason: string }>();
  const confirm = useRequestAction(request.id, (v: { rating: number; comment?: string }) => serviceApi.confirm(request.id, v.rating, v.comment), t('svcConfirmed'));
  const reopen = useRequestAction(request.id, (reason: string) => serviceApi.reopen(request.id, reason), t('svcReopened'));
  if (!request.can.confirm && !request.can.reopen) return null;

  return (
    <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
      {request.can.confirm && (
        <Col xs={24} md={12}>
          <Card size="small" title={t('svcConfirmTitle')} data-testid="service-confirm-card">
            <Form form={confirmForm} layout="vertical" onFinish={(v) => confirm.mutate(v)}>
              <Form.Item name="rating" label={t('svcRating')} rules={[{ required: true, message: t('svcRatingRequired') }]}>
                <Rate data-testid="service-rating" />
              </Form.Item>
              <Form.Item name="comment" label={t('svcComment')}>
                <Input.TextArea rows={2} maxLength={1000} data-testid="service-confirm-comment" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={confirm.isPending} data-testid="service-confirm-submit">
                {t('svcConfirm')}
              </Button>
            </Form>
          </Card>
        </Col>
      )}
      {request.can.reopen && (
        <Col xs={24} md={12}>
          <Card size="small" title={t('svcReopen')} data-testid="service-reopen-card">
            <Form form={reopenForm} layout="vertical">
              <Form.Item name="reason" label={t('svcReopenReason')} rules={[{ required: true, whitespace: true, message: t('svcReopenRequired') }]}>
                <Input.TextArea rows={2} maxLength={1000} data-testid="service-reopen-reason" />
              </Form.Item>
              <Popconfirm
                title={t('svcReopenConfirm')}
                onConfirm={async () => {
                  const { reason } = await reopenForm.validateFields();
                  reopen.mutate(reason);
                }}
              >
                <Button danger loading={reopen.isPending} data-testid="service-reopen-submit">
                  {t('svcReopen')}
                </Button>
              </Popconfirm>
            </Form>
          </Card>
        </Col>
      )}
    </Row>
  );
}
