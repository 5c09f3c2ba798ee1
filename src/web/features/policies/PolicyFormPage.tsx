import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Select, Skeleton, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { POLICY_SIZE_LABELS, PROJECT_TAG_LABELS } from '../../../shared/policies.js';
import { ENTERPRISE_SIZES, PROJECT_TAGS } from '../../../shared/service-catalog.js';
import { STAGE_LABELS, STAGES } from '../../../shared/stages.js';
import { ApiError } from '../../api/client.js';
import { endpoints } from '../../api/endpoints.js';
import { applyFieldError, errorMessage } from '../../api/formErrors.js';
import { useRegions } from '../../api/useRegions.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { ConflictAlert } from '../layout/ConflictAlert.js';
import { NotFound } from '../layout/NotFound.js';
import { policyApi } from './api.js';
import { FIELD_RENAME, FORM_FIELDS, toFormValues, toInput, type PolicyFormValues } from './formModel.js';

/** New policy, or edit one (optimistic: the version read is sent back). Administrators only. */
export default function PolicyFormPage() {
  const idParam = useParams().id;
  const id = idParam ? Number(idParam) : null;
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [form] = Form.useForm<PolicyFormValues>();
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const policy = useQuery({ queryKey: ['policy', id], queryFn: () => policyApi.get(id!), enabled: id !== null && id > 0 });
  const clusters = useQuery({ queryKey: ['clusters'], queryFn: endpoints.clusters, staleTime: 60_000 });
  const { regions } = useRegions();

  useEffect(() => {
    if (policy.data) form.setFieldsValue(toFormValues(policy.data));
  }, [policy.data, form]);

  const save = useMutation({
    mutationFn: (v: PolicyFormValues) => (id ? policyApi.update(id, { ...toInput(v), version: policy.data!.version }) : policyApi.create(toInput(v))),
    onSuccess: (saved) => {
      message.success(id ? t('plSaved') : t('plCreated'));
      void qc.invalidateQueries({ queryKey: ['policies'] });
      qc.setQueryData(['policy', saved.id], saved);
      navigate(`/policies/${saved.id}`);
    },
    onError: (err) => {
      if (err instanceof ApiError && err.status === 409 && err.code === 'version_conflict') return setConflict(err.message);
      if (!applyFieldError(form, err, FORM_FIELDS, FIELD_RENAME)) setError(errorMessage(err));
    },
  });

  if (id !== null && !(id > 0)) return <NotFound />;
  if (policy.isError) return policy.error instanceof ApiError && policy.error.status === 404 ? <NotFound /> : <Alert type="error" showIcon message={policy.error.message} />;
  if (id && !policy.data) return <Skeleton active paragraph={{ rows: 10 }} />;

  const reload = async (keepMine: boolean) => {
    const mine = form.getFieldsValue();
    setConflict(null);
    const fresh = await policy.refetch();
    if (fresh.data) form.setFieldsValue(keepMine ? mine : toFormValues(fresh.data));
  };
  const multi = { mode: 'multiple' as const, allowClear: true, placeholder: t('plAny') };

  return (
    <div>
      <div className="page-head">
        <Typography.Title level={4}>{id ? t('plEdit') : t('plNew')}</Typography.Title>
      </div>
      {conflict && <ConflictAlert message={conflict} onReload={(keep) => void reload(keep)} />}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} closable onClose={() => setError(null)} />}
      <Form<PolicyFormValues> form={form} layout="vertical" onFinish={(v) => save.mutate(v)} initialValues={{ clusters: [], regionCodes: [], stages: [], sizes: [], tags: [] }} data-testid="policy-form">
        <Card size="small" style={{ marginBottom: 12 }}>
          <Form.Item name="title" label={t('plTitle')} rules={[{ required: true, whitespace: true, message: t('required', { field: t('plTitle') }) }]}>
            <Input maxLength={200} data-testid="policy-title-input" />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item name="issuer" label={t('plIssuer')}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="docNumber" label={t('plDocNumber')}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="validFrom" label={t('plValidFrom')}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="validTo" label={t('plValidTo')} extra={t('plValidToHint')}>
                <DatePicker style={{ width: '100%' }} data-testid="policy-valid-to" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="benefits" label={t('plBenefits')}>
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
          <Form.Item name="fullText" label={t('plFullText')}>
            <Input.TextArea rows={8} maxLength={100_000} />
          </Form.Item>
        </Card>
        <Card size="small" title={t('plRules')} style={{ marginBottom: 12 }} data-testid="rule-editor">
          <Typography.Paragraph type="secondary">{t('plRulesHint')}</Typography.Paragraph>
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item name="clusters" label={t('plRuleClusters')}>
                <Select {...multi} options={(clusters.data?.items ?? []).map((c) => ({ value: c.name, label: c.name }))} data-testid="rule-clusters" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="regionCodes" label={t('plRuleRegions')}>
                <Select {...multi} optionFilterProp="label" options={regions.map((r) => ({ value: r.code, label: lang === 'en' ? r.nameEn : r.name }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="stages" label={t('plRuleStages')}>
                <Select {...multi} options={STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s][lang] }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="sizes" label={t('plRuleSizes')}>
                <Select {...multi} options={ENTERPRISE_SIZES.map((s) => ({ value: s, label: POLICY_SIZE_LABELS[s][lang] }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="tags" label={t('plRuleTags')}>
                <Select {...multi} options={PROJECT_TAGS.map((s) => ({ value: s, label: PROJECT_TAG_LABELS[s][lang] }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="minWan" label={t('plRuleMin')}>
                <InputNumber min={0} precision={2} style={{ width: '100%' }} placeholder={t('plAny')} data-testid="rule-min" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="maxWan" label={t('plRuleMax')}>
                <InputNumber min={0} precision={2} style={{ width: '100%' }} placeholder={t('plAny')} data-testid="rule-max" />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="save-policy">
            {t('plSave')}
          </Button>
          <Button onClick={() => navigate(-1)}>{t('cancel')}</Button>
        </Space>
      </Form>
    </div>
  );
}
