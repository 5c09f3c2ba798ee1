import { UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Select, Space, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { REQUEST_CATEGORIES, type RequestCategory } from '../../../shared/service-catalog.js';
import { endpoints } from '../../api/endpoints.js';
import { applyFieldError, errorMessage } from '../../api/formErrors.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useAuth } from '../auth/AuthProvider.js';
import { EnterprisePicker } from '../enterprises/EnterprisePicker.js';
import { serviceApi } from './api.js';
import { useServiceLabels } from './labels.js';

interface Values {
  enterpriseId?: number;
  projectId?: number | null;
  category: RequestCategory;
  title: string;
  description: string;
  departmentCodes: string[];
}
const FIELDS = ['enterpriseId', 'projectId', 'category', 'title', 'description', 'departmentCodes'];

/** A new request: an enterprise for itself, an officer for an enterprise; files go up once it exists. */
export default function ServiceFormPage() {
  const { t, lang } = useI18n();
  const labels = useServiceLabels();
  const { user } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [search] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const isEnterprise = user?.role === 'enterprise';
  const enterpriseId = Form.useWatch('enterpriseId', form);
  const category = Form.useWatch('category', form);

  const routing = useQuery({ queryKey: ['service-routing'], queryFn: serviceApi.routing, staleTime: 300_000 });
  // An enterprise's own projects are its scope; an officer's picker lists the chosen enterprise's.
  const projects = useQuery({
    queryKey: ['service-form-projects', isEnterprise ? 'own' : enterpriseId],
    queryFn: () => endpoints.projects({ enterpriseId: isEnterprise ? undefined : enterpriseId, page: 1, pageSize: 100 }),
    enabled: isEnterprise || !!enterpriseId,
  });
  const level = routing.data?.categories.find((c) => c.category === category);
  const departmentName = (code: string) => {
    const d = routing.data?.departments.find((x) => x.code === code);
    return d ? (lang === 'zh' ? d.name : d.nameEn) : code;
  };

  // The category's default department fills the departments until the user changes them.
  useEffect(() => {
    if (level) form.setFieldValue('departmentCodes', [level.departmentCode]);
  }, [level, form]);
  useEffect(() => {
    const fromUrl = Number(search.get('enterpriseId'));
    if (fromUrl > 0) form.setFieldValue('enterpriseId', fromUrl);
  }, [search, form]);

  async function submit(values: Values) {
    setSaving(true);
    setError(null);
    try {
      const { id } = await serviceApi.create({
        enterpriseId: isEnterprise ? undefined : values.enterpriseId,
        projectId: values.projectId ?? null,
        category: values.category,
        title: values.title,
        description: values.description,
        departmentCodes: values.departmentCodes,
      });
      for (const f of files) {
        try {
          await serviceApi.upload(id, f.originFileObj as File);
        } catch (err) {
          message.error(t('svcUploadFailed', { name: f.name, message: errorMessage(err) }));
        }
      }
      message.success(t('svcCreated'));
      await qc.invalidateQueries({ queryKey: ['service-requests'] });
      navigate(`/services/${id}`);
    } catch (err) {
      if (!applyFieldError(form, err, FIELDS)) setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card>
      <Typography.Title level={4}>{t('svcFormTitle')}</Typography.Title>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="service-form-error" />}
      <Form<Values> form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 720 }} initialValues={{ category: 'other', departmentCodes: [] }}>
        {!isEnterprise && (
          <Form.Item name="enterpriseId" label={t('svcEnterprise')} rules={[{ required: true, message: t('svcEnterprise') }]}>
            <EnterprisePicker testId="service-form-enterprise" onChange={() => form.setFieldValue('projectId', null)} />
          </Form.Item>
        )}
        <Form.Item name="projectId" label={t('svcProject')}>
          <Select
            allowClear
            data-testid="service-form-project"
            placeholder={t('svcProjectNone')}
            options={(projects.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
        <Form.Item name="category" label={t('svcCategory')} rules={[{ required: true }]}>
          <Select data-testid="service-form-category" options={REQUEST_CATEGORIES.map((c) => ({ value: c, label: labels.category(c) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('svcTitle')} rules={[{ required: true, whitespace: true, message: t('svcTitle') }, { max: 200 }]}>
          <Input data-testid="service-form-title" maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label={t('svcDescription')} rules={[{ required: true, whitespace: true, message: t('svcDescription') }, { max: 5000 }]}>
          <Input.TextArea data-testid="service-form-description" rows={5} maxLength={5000} showCount />
        </Form.Item>
        <Form.Item
          name="departmentCodes"
          label={t('svcDepartments')}
          extra={level ? t('svcDepartmentsHint', { name: departmentName(level.departmentCode), days: level.workingDays }) : undefined}
          rules={[{ required: true, type: 'array', min: 1, message: t('svcDepartments') }]}
        >
          <Select
            mode="multiple"
            data-testid="service-form-departments"
            optionFilterProp="label"
            options={(routing.data?.departments ?? []).map((d) => ({ value: d.code, label: lang === 'zh' ? d.name : d.nameEn }))}
          />
        </Form.Item>
        <Form.Item label={t('svcFiles')} extra={t('svcFilesHint')}>
          <Upload
            multiple
            accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx"
            fileList={files}
            beforeUpload={() => false}
            onChange={({ fileList }) => setFiles(fileList)}
            data-testid="service-form-files"
          >
            <Button icon={<UploadOutlined />}>{t('svcChooseFile')}</Button>
          </Upload>
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="service-form-submit">
            {t('svcSubmit')}
          </Button>
          <Button onClick={() => navigate(-1)}>{t('svcCancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
