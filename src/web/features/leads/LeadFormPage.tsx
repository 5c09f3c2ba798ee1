import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Skeleton, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { LEAD_SOURCES } from '../../../shared/leads.js';
import { ApiError } from '../../api/client.js';
import { endpoints } from '../../api/endpoints.js';
import { applyFieldError, errorMessage } from '../../api/formErrors.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useAuth } from '../auth/AuthProvider.js';
import { EnterprisePicker } from '../enterprises/EnterprisePicker.js';
import { eventApi } from '../events/api.js';
import { ConflictAlert } from '../layout/ConflictAlert.js';
import { NotFound } from '../layout/NotFound.js';
import { FIELD_RENAME, FORM_FIELDS, toFormValues, toInput, type LeadFormValues } from './formModel.js';
import { useLeadLabels, useRegionOptions } from './labels.js';

/** New lead, or edit one (optimistic: the version read is sent back). */
export default function LeadFormPage() {
  const idParam = useParams().id;
  const id = idParam ? Number(idParam) : null;
  const { t, field } = useI18n();
  const labels = useLeadLabels();
  const { user } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [form] = Form.useForm<LeadFormValues>();
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const firmMode = Form.useWatch('firmMode', form) ?? 'new';
  const source = Form.useWatch('source', form);
  const chainId = Form.useWatch('chainId', form);

  const lead = useQuery({ queryKey: ['lead', id], queryFn: () => endpoints.lead(id!), enabled: id !== null && id > 0 });
  // An officer files for its own regions; the lead's current region stays shown if the prefecture moved it.
  const regionOptions = useRegionOptions((code) => user?.role !== 'region' || user.regionCodes.includes(code) || code === lead.data?.regionCode);
  const clusters = useQuery({ queryKey: ['clusters'], queryFn: endpoints.clusters, staleTime: 60_000 });
  const chain = useQuery({ queryKey: ['chain', chainId], queryFn: () => endpoints.chain(chainId!), enabled: !!chainId, staleTime: 60_000 });
  const leaders = useQuery({ queryKey: ['chain-leaders'], queryFn: () => endpoints.enterprises({ leader: 'true', page: 1, pageSize: 100, sort: 'name', order: 'asc' }), staleTime: 60_000 });
  const events = useQuery({
    queryKey: ['events', 'picker'],
    queryFn: () => eventApi.list({ sort: 'startsOn', order: 'desc', page: 1, pageSize: 100 }),
    enabled: source === 'conference',
    staleTime: 60_000,
  });
  const owners = useQuery({ queryKey: ['lead-owners'], queryFn: endpoints.leadOwners, staleTime: 60_000 });

  useEffect(() => {
    if (lead.data) form.setFieldsValue(toFormValues(lead.data));
  }, [lead.data, form]);

  const save = useMutation({
    mutationFn: (v: LeadFormValues) =>
      id ? endpoints.updateLead(id, { ...toInput(v), version: lead.data!.version }) : endpoints.createLead(toInput(v)),
    onSuccess: (saved) => {
      message.success(id ? t('lpSaved') : t('lpCreated'));
      void qc.invalidateQueries({ queryKey: ['leads'] });
      void qc.invalidateQueries({ queryKey: ['lead-board'] });
      qc.setQueryData(['lead', saved.id], saved);
      navigate(`/leads/${saved.id}`);
    },
    onError: (err) => {
      if (err instanceof ApiError && err.status === 409 && err.code === 'version_conflict') return setConflict(err.message);
      if (!applyFieldError(form, err, [...FORM_FIELDS, 'estimatedInvestmentYuan'], FIELD_RENAME)) setError(errorMessage(err));
    },
  });

  if (id !== null && !(id > 0)) return <NotFound />;
  if (lead.isError) return lead.error instanceof ApiError && lead.error.status === 404 ? <NotFound /> : <Alert type="error" showIcon message={lead.error.message} />;
  if (id && !lead.data) return <Skeleton active paragraph={{ rows: 10 }} />;

  const required = (label: string) => [{ required: true, whitespace: true, message: t('required', { field: label }) }];
  const ownerOptions = (owners.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }));
  // The current owner may be outside the officer's colleagues (the prefecture assigned it); keep it shown.
  const current = lead.data?.owner;
  if (current && !ownerOptions.some((o) => o.value === current.id)) ownerOptions.unshift({ value: current.id, label: current.name });

  return (
    <div>
      <Typography.Title level={4}>{id ? t('lpEdit') : t('lpNew')}</Typography.Title>
      <Card size="small">
        {conflict && (
          <ConflictAlert
            message={conflict}
            onReload={async (keepMine) => {
              const mine = form.getFieldsValue();
              const fresh = await qc.fetchQuery({ queryKey: ['lead', id], queryFn: () => endpoints.lead(id!) });
              form.setFieldsValue(keepMine ? mine : toFormValues(fresh));
              setConflict(null);
            }}
          />
        )}
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="lead-form-error" />}
        <Form<LeadFormValues>
          form={form}
          layout="vertical"
          name="lead"
          initialValues={{ firmMode: 'new', source: 'desk_research', regionCode: user?.role === 'region' ? user.regionCodes[0] : undefined, ownerId: user?.id }}
          onFinish={(v) => save.mutate(v)}
          onValuesChange={() => setError(null)}
        >
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="firmMode" label={t('lpFirmMode')}>
                <Radio.Group>
                  <Radio value="base" data-testid="firm-mode-base">{t('lpFirmFromBase')}</Radio>
                  <Radio value="new" data-testid="firm-mode-new">{t('lpFirmNew')}</Radio>
                </Radio.Group>
              </Form.Item>
              {firmMode === 'base' ? (
                <Form.Item name="enterpriseId" label={field('enterpriseId')} rules={[{ required: true, message: t('required', { field: field('enterpriseId') }) }]}>
                  <EnterprisePicker testId="lead-enterprise" selected={lead.data?.enterprise.id ? { id: lead.data.enterprise.id, name: lead.data.enterprise.name } : null} />
                </Form.Item>
              ) : (
                <Form.Item name="enterpriseName" label={field('enterpriseName')} rules={required(field('enterpriseName'))}>
                  <Input maxLength={200} data-testid="lead-enterprise-name" />
                </Form.Item>
              )}
              <Space.Compact block>
                <Form.Item name="contactName" label={field('contactName')} style={{ width: '50%' }}>
                  <Input maxLength={100} data-testid="lead-contact" />
                </Form.Item>
                <Form.Item name="contactPhone" label={field('contactPhone')} style={{ width: '50%' }}>
                  <Input maxLength={50} data-testid="lead-phone" />
                </Form.Item>
              </Space.Compact>
              <Form.Item name="source" label={field('source')} rules={[{ required: true }]}>
                <Select data-testid="lead-source" options={LEAD_SOURCES.map((s) => ({ value: s, label: labels.source(s) }))} />
              </Form.Item>
              {source === 'chain_leader_referral' && (
                <Form.Item name="referrerEnterpriseId" label={field('referrerEnterpriseId')} rules={[{ required: true, message: t('lpPickLeader') }]}>
                  <Select
                    showSearch
                    optionFilterProp="label"
                    placeholder={t('lpPickLeader')}
                    data-testid="lead-referrer"
                    options={(leaders.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
                  />
                </Form.Item>
              )}
              {source === 'conference' && (
                <Form.Item name="eventId" label={field('eventId')}>
                  <Select
                    showSearch
                    optionFilterProp="label"
                    placeholder={t('lpPickEvent')}
                    allowClear
                    data-testid="lead-event"
                    loading={events.isLoading}
                    options={(events.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.startsOn} ${e.name}` }))}
                  />
                </Form.Item>
              )}
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="chainId" label={field('chainId')}>
                <Select
                  allowClear
                  showSearch
                  optionFilterProp="label"
                  placeholder={t('lpPickChain')}
                  data-testid="lead-chain"
                  onChange={() => form.setFieldValue('nodeId', undefined)}
                  options={(clusters.data?.items ?? []).map((c) => ({ label: c.name, options: c.chains.map((ch) => ({ value: ch.id, label: ch.name })) }))}
                />
              </Form.Item>
              <Form.Item name="nodeId" label={field('nodeId')}>
                <Select allowClear disabled={!chainId} placeholder={t('lpPickNode')} data-testid="lead-node" options={(chain.data?.nodes ?? []).map((n) => ({ value: n.id, label: n.name }))} />
              </Form.Item>
              <Form.Item name="regionCode" label={field('regionCode')}>
                <Select allowClear showSearch optionFilterProp="label" data-testid="lead-region" options={regionOptions} />
              </Form.Item>
              <Form.Item name="ownerId" label={field('ownerId')}>
                <Select allowClear placeholder={t('lpPickOwner')} data-testid="lead-owner" options={ownerOptions} />
              </Form.Item>
              <Form.Item name="investmentWan" label={t('lpInvestmentWan')}>
                <InputNumber min={0} step={100} style={{ width: '100%' }} addonAfter={t('lpWan')} data-testid="lead-investment" />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item name="nextStep" label={field('nextStep')}>
                <Input maxLength={500} data-testid="lead-next-step" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="nextStepOn" label={field('nextStepOn')}>
                <DatePicker style={{ width: '100%' }} data-testid="lead-next-step-on" />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="note" label={field('note')}>
                <Input.TextArea rows={3} maxLength={1000} showCount data-testid="lead-note" />
              </Form.Item>
            </Col>
          </Row>
          <Space>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="lead-save">
              {t('save')}
            </Button>
            <Button onClick={() => navigate(-1)}>{t('cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </div>
  );
}
