import { Button, Card, Col, Form, Input, Modal, Popconfirm, Row, Select, Space, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { formatTimestamp } from '../../../shared/format.js';
import { NEXT_ASSIGNMENT_STATUS, type ServiceAssignment, type ServiceRequestDetail } from '../../../shared/service-requests.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { serviceApi } from './api.js';
import { LightDot, RequestStatusTag, useServiceLabels } from './labels.js';
import { useRequestAction } from './useRequestAction.js';

type Step = 'accepted' | 'in_progress' | 'resolved';
const STEP_KEYS: Record<Step, 'svcAccept' | 'svcStart' | 'svcResolve'> = { accepted: 'svcAccept', in_progress: 'svcStart', resolved: 'svcResolve' };
const STEP_IDS: Record<Step, string> = { accepted: 'assignment-accept', in_progress: 'assignment-start', resolved: 'assignment-resolve' };

/** One card per department: its deadline and light, its result, and the one step the caller may take. */
export function AssignmentCards({ request }: { request: ServiceRequestDetail }) {
  const { t, lang } = useI18n();
  const labels = useServiceLabels();
  const [resolving, setResolving] = useState<ServiceAssignment | null>(null);
  const [form] = Form.useForm<{ note: string }>();
  const move = useRequestAction(request.id, (v: { code: string; to: string; note?: string }) => serviceApi.transition(request.id, v.code, v.to, v.note));
  const name = (a: ServiceAssignment) => (lang === 'zh' ? a.departmentName : a.departmentNameEn);

  const action = (a: ServiceAssignment) => {
    const to = NEXT_ASSIGNMENT_STATUS[a.status] as Step | null;
    if (!to || !request.can.transition.includes(a.departmentCode)) return null;
    if (to === 'resolved') {
      return (
        <Button type="primary" data-testid={STEP_IDS[to]} onClick={() => setResolving(a)}>
          {t(STEP_KEYS[to])}
        </Button>
      );
    }
    return (
      <Popconfirm title={t('svcConfirmStep', { name: name(a), status: labels.status(to) })} onConfirm={() => move.mutate({ code: a.departmentCode, to })} okButtonProps={{ 'data-testid': 'assignment-step-ok' } as ButtonProps}>
        <Button type="primary" loading={move.isPending} data-testid={STEP_IDS[to]}>
          {t(STEP_KEYS[to])}
        </Button>
      </Popconfirm>
    );
  };

  return (
    <>
      <Row gutter={[12, 12]}>
        {request.assignments.map((a) => (
          <Col key={a.departmentCode} xs={24} md={12} xl={8}>
            <Card
              size="small"
              data-testid={`assignment-card-${a.departmentCode}`}
              title={
                <Space size={4}>
                  <LightDot light={a.light} />
                  {name(a)}
                </Space>
              }
              extra={<RequestStatusTag status={a.status} testId="assignment-status" />}
              actions={action(a) ? [action(a)] : undefined}
            >
              <div>{t('svcAssignmentDue', { date: a.dueOn })}</div>
              {a.handler && <div>{t('svcHandler')}:{a.handler}</div>}
              {a.resolvedAt && <div>{formatTimestamp(a.resolvedAt)}</div>}
              {a.response && (
                <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }} data-testid="assignment-response">
                  {t('svcResponse')}:{a.response}
                </Typography.Paragraph>
              )}
            </Card>
          </Col>
        ))}
      </Row>
      {request.can.addDepartment && <AddDepartment request={request} />}
      <Modal
        open={!!resolving}
        title={resolving ? t('svcResolveTitle', { name: name(resolving) }) : ''}
        onCancel={() => setResolving(null)}
        okText={t('svcResolve')}
        okButtonProps={{ loading: move.isPending, 'data-testid': 'assignment-resolve-submit' } as ButtonProps}
        onOk={async () => {
          const { note } = await form.validateFields();
          await move.mutateAsync({ code: resolving!.departmentCode, to: 'resolved', note });
          form.resetFields();
          setResolving(null);
        }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="note" label={t('svcResolveNote')} rules={[{ required: true, whitespace: true, message: t('svcResolveRequired') }]}>
            <Input.TextArea rows={4} maxLength={2000} data-testid="assignment-response-input" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function AddDepartment({ request }: { request: ServiceRequestDetail }) {
  const { t, lang } = useI18n();
  const [code, setCode] = useState<string>();
  const routing = useQuery({ queryKey: ['service-routing'], queryFn: serviceApi.routing, staleTime: 300_000 });
  const add = useRequestAction(request.id, (c: string) => serviceApi.addDepartment(request.id, c));
  const taken = new Set(request.assignments.map((a) => a.departmentCode));
  return (
    <Space style={{ marginTop: 12 }} wrap>
      <Select
        style={{ width: 220 }}
        placeholder={t('svcAddDepartment')}
        aria-label={t('svcAddDepartment')}
        value={code}
        onChange={setCode}
        data-testid="service-add-department"
        options={(routing.data?.departments ?? []).filter((d) => !taken.has(d.code)).map((d) => ({ value: d.code, label: lang === 'zh' ? d.name : d.nameEn }))}
      />
      <Button disabled={!code} loading={add.isPending} onClick={() => code && add.mutate(code, { onSuccess: () => setCode(undefined) })} data-testid="service-add-department-submit">
        {t('svcAdd')}
      </Button>
    </Space>
  );
}
