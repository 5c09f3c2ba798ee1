import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Skeleton,
  Space,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { todayInShanghai } from '../../../shared/format.js';
import type { Project } from '../../../shared/projects.js';
import { isValidUscc } from '../../../shared/uscc.js';
import { ApiError } from '../../api/client.js';
import { endpoints } from '../../api/endpoints.js';
import { applyFieldError, errorMessage } from '../../api/formErrors.js';
import { useRegions } from '../../api/useRegions.js';
import { ConflictAlert } from '../layout/ConflictAlert.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useAuth } from '../auth/AuthProvider.js';
import { EnterprisePicker } from '../enterprises/EnterprisePicker.js';
import { NodeTreeSelect } from '../enterprises/NodeTreeSelect.js';
import { NotFound } from '../layout/NotFound.js';
import {
  FIELD_RENAMES,
  FORM_FIELDS,
  PLANNED_STAGES,
  projectToValues,
  valuesToCreate,
  valuesToUpdate,
  type ProjectFormValues,
} from './formModel.js';

const half = { xs: 24, md: 12 };

export default function ProjectFormPage() {
  const { id: idParam } = useParams();
  const editing = idParam !== undefined;
  const id = Number(idParam);
  const { t, field, stage } = useI18n();
  const { user, canWrite } = useAuth();
  const { regions, nameOf } = useRegions();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [form] = Form.useForm<ProjectFormValues>();
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  // The version the next save claims to be based on; a 409 lets the user move it forward.
  const [version, setVersion] = useState<number | null>(null);
  const loaded = useRef(false);
  const today = dayjs(todayInShanghai());

  const project = useQuery({
    queryKey: ['project', id],
    queryFn: () => endpoints.project(id),
    enabled: editing && Number.isInteger(id) && id > 0,
  });

  // Fill the form once; later refetches must not overwrite what the user is typing.
  useEffect(() => {
    if (project.data && !loaded.current) {
      loaded.current = true;
      form.setFieldsValue(projectToValues(project.data));
      setVersion(project.data.version);
    }
  }, [project.data, form]);

  // A region officer may only file projects in their own regions.
  // A project sits in a county, city or park, never in the prefecture as a whole.
  const placeable = regions.filter((r) => r.kind !== 'prefecture');
  const allowed = user?.role === 'region' ? placeable.filter((r) => user.regionCodes.includes(r.code)) : placeable;

  const onSaved = (p: Project) => {
    qc.setQueryData(['project', p.id], p);
    void qc.invalidateQueries({ queryKey: ['projects'] });
    void qc.invalidateQueries({ queryKey: ['dashboard'] });
    void qc.invalidateQueries({ queryKey: ['history', p.id] });
    message.success(editing ? t('saved') : t('created'));
    navigate(`/projects/${p.id}`, { replace: !editing });
  };

  const mutation = useMutation({
    mutationFn: (v: ProjectFormValues) =>
      editing ? endpoints.updateProject(id, valuesToUpdate(v, version ?? 1)) : endpoints.createProject(valuesToCreate(v)),
    onSuccess: onSaved,
    onError: (err) => {
      if (err instanceof ApiError && err.status === 409) {
        setConflict(err.message);
        return;
      }
      if (!applyFieldError(form, err, FORM_FIELDS, FIELD_RENAMES)) setError(errorMessage(err));
    },
  });

  // Picking an enterprise from the base fills the investor's name and credit code when the officer
  // has not typed them yet; what is already there is left alone.
  const onPickEnterprise = async (enterpriseId: number | undefined) => {
    if (enterpriseId == null) return;
    const blank = (name: keyof ProjectFormValues) => !String(form.getFieldValue(name) ?? '').trim();
    if (!blank('investorName') && !blank('investorUscc')) return;
    try {
      const e = await qc.fetchQuery({
        queryKey: ['enterprise', enterpriseId],
        queryFn: () => endpoints.enterprise(enterpriseId),
        staleTime: 30_000,
      });
      // The user may have picked another one while this was loading.
      if (form.getFieldValue('enterpriseId') !== enterpriseId) return;
      const fill: Partial<ProjectFormValues> = {};
      if (blank('investorName')) fill.investorName = e.name;
      if (blank('investorUscc') && e.uscc) fill.investorUscc = e.uscc;
      if (Object.keys(fill).length) {
        form.setFieldsValue(fill);
        void form.validateFields(Object.keys(fill) as (keyof ProjectFormValues)[]);
      }
    } catch {
      // Filling in is a convenience; the pick itself stands.
    }
  };

  const reloadLatest = async (keepMine: boolean) => {
    const latest = await qc.fetchQuery({ queryKey: ['project', id], queryFn: () => endpoints.project(id), staleTime: 0 });
    setVersion(latest.version);
    if (keepMine) message.info(t('conflictKept'));
    else form.setFieldsValue(projectToValues(latest));
    setConflict(null);
  };

  if (!canWrite) return <NotFound />;
  if (editing && (!Number.isInteger(id) || id <= 0)) return <NotFound />;
  if (editing && project.isError) {
    if (project.error instanceof ApiError && project.error.status === 404) return <NotFound />;
    return <Alert type="error" showIcon message={project.error.message} />;
  }
  if (editing && !project.data) return <Skeleton active paragraph={{ rows: 12 }} />;

  const initialValues: Partial<ProjectFormValues> = editing
    ? {}
    : {
        stage: 'negotiating',
        stageDate: today,
        regionCode: allowed.length === 1 ? allowed[0].code : undefined,
      };

  return (
    <div>
      <div className="page-head">
        <Space size={8}>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label={t('back')} />
          <Typography.Title level={4}>{editing ? `${t('editTitle')} · ${project.data?.name ?? ''}` : t('createTitle')}</Typography.Title>
        </Space>
      </div>
      {conflict && <ConflictAlert message={conflict} onReload={(keep) => void reloadLatest(keep)} />}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="form-error" />}
      <Form<ProjectFormValues>
        form={form}
        name="project"
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
              <Form.Item name="name" label={field('name')} rules={[{ required: true, whitespace: true, message: t('required', { field: field('name') }) }]}>
                <Input maxLength={200} data-testid="field-name" />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="regionCode" label={field('regionCode')} rules={[{ required: true, message: t('required', { field: field('regionCode') }) }]}>
                <Select data-testid="field-region" showSearch optionFilterProp="label" options={allowed.map((r) => ({ value: r.code, label: nameOf(r.code, r.name) }))} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="investorName" label={field('investorName')} rules={[{ required: true, whitespace: true, message: t('required', { field: field('investorName') }) }]}>
                <Input maxLength={200} data-testid="field-investor" />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item
                name="investorUscc"
                label={field('investorUscc')}
                extra={t('usccHint')}
                normalize={(v: string | undefined) => v?.toUpperCase().replace(/\s/g, '')}
                rules={[{ validator: (_, v: string | undefined) => (!v || isValidUscc(v) ? Promise.resolve() : Promise.reject(new Error(t('usccInvalid')))) }]}
              >
                <Input maxLength={18} style={{ textTransform: 'uppercase' }} data-testid="field-uscc" />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="enterpriseId" label={t('projectEnterprise')} extra={t('projectEnterpriseHint')}>
                <EnterprisePicker
                  testId="field-enterprise"
                  selected={project.data?.enterprise}
                  onChange={(v) => void onPickEnterprise(v)}
                />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="nodeId" label={field('nodeId')}>
                <NodeTreeSelect multiple={false} testId="field-node" />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="cluster" label={field('cluster')}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="chain" label={field('chain')}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="chainLeader" label={field('chainLeader')}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="officer" label={field('officer')}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item label={t('tags')}>
                <Space wrap>
                  <Form.Item name="tagGreen" valuePropName="checked" noStyle>
                    <Checkbox data-testid="field-tag-green">{field('tagGreen')}</Checkbox>
                  </Form.Item>
                  <Form.Item name="tagInnovation" valuePropName="checked" noStyle>
                    <Checkbox data-testid="field-tag-innovation">{field('tagInnovation')}</Checkbox>
                  </Form.Item>
                  <Form.Item name="tagValue" valuePropName="checked" noStyle>
                    <Checkbox data-testid="field-tag-value">{field('tagValue')}</Checkbox>
                  </Form.Item>
                </Space>
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="description" label={field('description')}>
                <Input.TextArea rows={3} maxLength={5000} showCount />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card size="small" title={t('sectionMoney')} style={{ marginBottom: 12 }}>
          <Row gutter={16}>
            <Col {...half}>
              <Form.Item name="investmentWan" label={t('investmentWan')} extra={t('wanHint')} rules={[{ required: true, message: t('required', { field: t('investmentWan') }) }]}>
                <InputNumber min={0} step={100} style={{ width: '100%' }} addonAfter={t('unitWan')} data-testid="field-investment" />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="fundsWan" label={t('fundsWan')} extra={t('wanHint')}>
                <InputNumber min={0} step={100} style={{ width: '100%' }} addonAfter={t('unitWan')} data-testid="field-funds" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="capacity" label={field('capacity')}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card size="small" title={t('sectionPlan')} style={{ marginBottom: 12 }}>
          {!editing && (
            <Row gutter={16}>
              <Col {...half}>
                <Form.Item name="stage" label={t('initialStage')}>
                  <Radio.Group
                    data-testid="field-stage"
                    options={(['negotiating', 'signed'] as const).map((s) => ({ value: s, label: stage(s) }))}
                  />
                </Form.Item>
              </Col>
              <Col {...half}>
                <Form.Item name="stageDate" label={t('initialStageDate')}>
                  <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(today, 'day')} data-testid="field-stage-date" />
                </Form.Item>
              </Col>
            </Row>
          )}
          <Typography.Paragraph type="secondary">{t('planHint')}</Typography.Paragraph>
          <Row gutter={16}>
            {PLANNED_STAGES.map((s) => (
              <Col xs={24} sm={12} lg={8} xl={Math.floor(24 / 5)} key={s}>
                <Form.Item name={['plannedDates', s]} label={field(`plannedDates.${s}`)}>
                  <DatePicker style={{ width: '100%' }} data-testid={`field-planned-${s}`} />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </Card>

        <Space>
          <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="project-save">
            {t('save')}
          </Button>
          <Button onClick={() => navigate(-1)}>{t('cancel')}</Button>
        </Space>
      </Form>
    </div>
  );
}
