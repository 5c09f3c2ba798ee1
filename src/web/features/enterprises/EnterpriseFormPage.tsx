import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, Radio, Row, Select, Skeleton, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import type { Enterprise } from '../../../shared/enterprises.js';
import { isValidUscc } from '../../../shared/uscc.js';
import { ApiError } from '../../api/client.js';
import { endpoints } from '../../api/endpoints.js';
import { applyFieldError, errorMessage } from '../../api/formErrors.js';
import { useRegions } from '../../api/useRegions.js';
import { ConflictAlert } from '../layout/ConflictAlert.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useAuth } from '../auth/AuthProvider.js';
import { NotFound } from '../layout/NotFound.js';
import { SIZE_KEYS, SIZES } from './constants.js';
import {
  ENTERPRISE_FORM_FIELDS,
  enterpriseToValues,
  valuesToCreate,
  valuesToUpdate,
  type EnterpriseFormValues,
} from './formModel.js';
import { NodeTreeSelect } from './NodeTreeSelect.js';

const half = { xs: 24, md: 12 };

export default function EnterpriseFormPage() {
  const { id: idParam } = useParams();
  const editing = idParam !== undefined;
  const id = Number(idParam);
  const { t } = useI18n();
  const { user, canWrite, isAdmin } = useAuth();
  const { regions, nameOf } = useRegions();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [form] = Form.useForm<EnterpriseFormValues>();
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [version, setVersion] = useState<number | null>(null);
  const loaded = useRef(false);
  const isLocal = Form.useWatch('isLocal', form) ?? true;

  const enterprise = useQuery({
    queryKey: ['enterprise', id],
    queryFn: () => endpoints.enterprise(id),
    enabled: editing && Number.isInteger(id) && id > 0,
  });
  const clusters = useQuery({ queryKey: ['clusters'], queryFn: endpoints.clusters, staleTime: 60_000, enabled: isAdmin });
  const chainOptions = (clusters.data?.items ?? []).map((c) => ({
    label: c.name,
    title: c.name,
    options: c.chains.map((ch) => ({ value: ch.id, label: ch.name })),
  }));

  useEffect(() => {
    if (enterprise.data && !loaded.current) {
      loaded.current = true;
      form.setFieldsValue(enterpriseToValues(enterprise.data));
      setVersion(enterprise.data.version);
    }
  }, [enterprise.data, form]);

  // A local enterprise sits in a county, city or park; a region officer files only in their own.
  const placeable = regions.filter((r) => r.kind !== 'prefecture');
  const allowed = user?.role === 'region' ? placeable.filter((r) => user.regionCodes.includes(r.code)) : placeable;

  const onSaved = (e: Enterprise) => {
    qc.setQueryData(['enterprise', e.id], e);
    void qc.invalidateQueries({ queryKey: ['enterprises'] });
    void qc.invalidateQueries({ queryKey: ['clusters'] });
    void qc.invalidateQueries({ queryKey: ['chain'] });
    void qc.invalidateQueries({ queryKey: ['chain-node'] });
    message.success(editing ? t('saved') : t('enterpriseCreated'));
    navigate(`/enterprises/${e.id}`, { replace: !editing });
  };

  const mutation = useMutation({
    mutationFn: (v: EnterpriseFormValues) =>
      editing ? endpoints.updateEnterprise(id, valuesToUpdate(v, isAdmin, version ?? 1)) : endpoints.createEnterprise(valuesToCreate(v, isAdmin)),
    onSuccess: onSaved,
    onError: (err) => {
      if (err instanceof ApiError && err.status === 409) {
        if (err.code === 'version_conflict' || err.field === 'version') {
          setConflict(err.message);
          return;
        }
        // Any other 409 here is a credit code another enterprise already has; the message names it.
        if (!applyFieldError(form, err, ENTERPRISE_FORM_FIELDS)) {
          form.setFields([{ name: 'uscc', errors: [err.message] }]);
          form.scrollToField('uscc', { block: 'center' });
        }
        return;
      }
      if (!applyFieldError(form, err, ENTERPRISE_FORM_FIELDS)) setError(errorMessage(err));
    },
  });

  const reloadLatest = async (keepMine: boolean) => {
    const latest = await qc.fetchQuery({ queryKey: ['enterprise', id], queryFn: () => endpoints.enterprise(id), staleTime: 0 });
    setVersion(latest.version);
    if (keepMine) message.info(t('conflictKept'));
    else form.setFieldsValue(enterpriseToValues(latest));
    setConflict(null);
  };

  if (!canWrite) return <NotFound />;
  if (editing && (!Number.isInteger(id) || id <= 0)) return <NotFound />;
  if (editing && enterprise.isError) {
    if (enterprise.error instanceof ApiError && enterprise.error.status === 404) return <NotFound />;
    return <Alert type="error" showIcon message={enterprise.error.message} />;
  }
  if (editing && !enterprise.data) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (editing && enterprise.data && !enterprise.data.editable) return <NotFound />;

  const initialValues: Partial<EnterpriseFormValues> = editing
    ? {}
    : { isLocal: true, regionCode: allowed.length === 1 ? allowed[0].code : undefined, nodeIds: [], leadChainIds: [] };
  const req = (label: string) => ({ required: true, whitespace: true, message: t('required', { field: label }) });

  return (
    <div>
      <div className="page-head">
        <Space size={8}>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label={t('back')} />
          <Typography.Title level={4}>
            {editing ? `${t('editEnterprise')} · ${enterprise.data?.name ?? ''}` : t('createEnterprise')}
          </Typography.Title>
        </Space>
      </div>
      {conflict && <ConflictAlert message={conflict} onReload={(keep) => void reloadLatest(keep)} />}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="form-error" />}
      <Form<EnterpriseFormValues>
        form={form}
        name="enterprise"
        layout="vertical"
        initialValues={initialValues}
        onFinish={(v) => {
          setError(null);
          mutation.mutate(v);
        }}
        scrollToFirstError
      >
        <Card size="small" title={t('sectionBasic')} style={{ marginBottom: 12 }}>
          <Row gutter={16}>
            <Col {...half}>
              <Form.Item name="name" label={t('enterpriseName')} rules={[req(t('enterpriseName'))]}>
                <Input maxLength={200} data-testid="field-name" />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item
                name="uscc"
                label={t('uscc')}
                extra={t('usccHint')}
                normalize={(v: string | undefined) => v?.toUpperCase().replace(/\s/g, '')}
                rules={[
                  { required: true, message: t('required', { field: t('uscc') }) },
                  { validator: (_, v: string | undefined) => (!v || isValidUscc(v) ? Promise.resolve() : Promise.reject(new Error(t('usccInvalid')))) },
                ]}
              >
                <Input maxLength={18} style={{ textTransform: 'uppercase', fontFamily: 'monospace' }} data-testid="field-uscc" />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="isLocal" label={t('location')}>
                <Radio.Group
                  data-testid="field-local"
                  options={[
                    { value: true, label: t('localEnterprise') },
                    { value: false, label: t('outsideEnterprise') },
                  ]}
                />
              </Form.Item>
            </Col>
            {isLocal ? (
              <Col {...half}>
                <Form.Item name="regionCode" label={t('filterRegion')} rules={[{ required: true, message: t('required', { field: t('filterRegion') }) }]}>
                  <Select
                    data-testid="field-region"
                    showSearch
                    optionFilterProp="label"
                    options={allowed.map((r) => ({ value: r.code, label: nameOf(r.code, r.name) }))}
                  />
                </Form.Item>
              </Col>
            ) : (
              <>
                <Col xs={12} md={6}>
                  <Form.Item name="province" label={t('province')} rules={[req(t('province'))]}>
                    <Input maxLength={50} placeholder={t('provincePlaceholder')} data-testid="field-province" />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item name="city" label={t('city')}>
                    <Input maxLength={50} data-testid="field-city" />
                  </Form.Item>
                </Col>
              </>
            )}
            <Col {...half}>
              <Form.Item name="size" label={t('size')}>
                <Select allowClear data-testid="field-size" options={SIZES.map((s) => ({ value: s, label: t(SIZE_KEYS[s]) }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="contactName" label={t('contactName')}>
                <Input maxLength={50} data-testid="field-contact-name" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="contactPhone" label={t('contactPhone')}>
                <Input maxLength={50} data-testid="field-contact-phone" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="description" label={t('enterpriseDescription')}>
                <Input.TextArea rows={3} maxLength={2000} showCount />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card size="small" title={t('sectionChains')} style={{ marginBottom: 12 }}>
          <Form.Item name="nodeIds" label={t('enterpriseNodes')} extra={t('nodesHint')}>
            <NodeTreeSelect testId="field-nodes" />
          </Form.Item>
          {isAdmin && (
            <Form.Item name="leadChainIds" label={t('leadsChains')} extra={t('leadChainsHint')}>
              <Select mode="multiple" allowClear showSearch optionFilterProp="label" options={chainOptions} data-testid="field-lead-chains" />
            </Form.Item>
          )}
        </Card>

        <Space>
          <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="enterprise-save">
            {t('save')}
          </Button>
          <Button onClick={() => navigate(-1)}>{t('cancel')}</Button>
        </Space>
      </Form>
    </div>
  );
}
