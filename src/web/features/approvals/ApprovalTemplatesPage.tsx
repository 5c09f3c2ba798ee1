import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Popconfirm, Select, Skeleton, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { BLOCKABLE_STAGES, type ApprovalTemplate, type PutTemplateInput } from '../../../shared/approvals.js';
import { PROJECT_TYPE_LABELS, type ProjectType } from '../../../shared/service-catalog.js';
import { applyFieldError, errorMessage } from '../../api/formErrors.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { approvalApi } from './api.js';

type Departments = { code: string; name: string; nameEn: string }[];

function TemplateForm({ template, departments }: { template: ApprovalTemplate; departments: Departments }) {
  const { t, lang, stage } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<PutTemplateInput>();
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (v: PutTemplateInput) => approvalApi.putTemplate(template.projectType, { items: v.items.map((i) => ({ ...i, nameEn: i.nameEn ?? '' })) }),
    onSuccess: (data) => {
      qc.setQueryData(['approval-templates'], data);
      message.success(t('apTemplateSaved'));
    },
    onError: (err) => {
      if (!applyFieldError(form, err, ['items'])) setError(errorMessage(err));
    },
  });
  const departmentOptions = departments.map((d) => ({ value: d.code, label: lang === 'zh' ? d.name : d.nameEn }));

  return (
    <Form<PutTemplateInput>
      form={form}
      onFinish={(v) => save.mutate(v)}
      onValuesChange={() => setError(null)}
      initialValues={{ items: template.items.map((i) => ({ name: i.name, nameEn: i.nameEn, departmentCode: i.department.code, blocksStage: i.blocksStage })) }}
      data-testid={`template-${template.projectType}`}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form.List name="items">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} wrap align="start" style={{ display: 'flex', marginBottom: 4 }}>
                <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: t('apName') }]}>
                  <Input placeholder={t('apName')} maxLength={100} style={{ width: 200 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'nameEn']}>
                  <Input placeholder={t('apNameEn')} maxLength={100} style={{ width: 220 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'departmentCode']} rules={[{ required: true, message: t('apDepartment') }]}>
                  <Select placeholder={t('apDepartment')} options={departmentOptions} showSearch optionFilterProp="label" style={{ width: 200 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'blocksStage']} rules={[{ required: true, message: t('apColBlocks') }]}>
                  <Select placeholder={t('apColBlocks')} options={BLOCKABLE_STAGES.map((s) => ({ value: s, label: stage(s) }))} style={{ width: 110 }} />
                </Form.Item>
                <Popconfirm title={t('apDeleteConfirm', { name: form.getFieldValue(['items', f.name, 'name']) ?? '' })} onConfirm={() => remove(f.name)} okButtonProps={{ danger: true }}>
                  <Button danger type="text" icon={<DeleteOutlined />} aria-label={t('apDelete')} disabled={fields.length <= 1} />
                </Popconfirm>
              </Space>
            ))}
            <Space>
              <Button icon={<PlusOutlined />} onClick={() => add({ blocksStage: 'started' })}>
                {t('apTemplateAddRow')}
              </Button>
              <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="template-save">
                {t('apTemplateSave')}
              </Button>
            </Space>
          </>
        )}
      </Form.List>
    </Form>
  );
}

/** 系统设置 › 审批模板 (admin): the items each project type starts with. */
export default function ApprovalTemplatesPage() {
  const { t, lang } = useI18n();
  const templates = useQuery({ queryKey: ['approval-templates'], queryFn: approvalApi.templates });
  if (templates.isError) return <Alert type="error" showIcon message={templates.error.message} />;
  const data = templates.data;
  return (
    <div>
      <div className="page-head">
        <Space direction="vertical" size={0}>
          <Typography.Title level={4}>{t('apTemplatesTitle')}</Typography.Title>
          <Typography.Text type="secondary">{t('apTemplatesHint')}</Typography.Text>
        </Space>
      </div>
      <Card size="small">
        {!data ? (
          <Skeleton active />
        ) : (
          <Tabs
            items={data.items.map((tpl) => ({
              key: tpl.projectType,
              label: PROJECT_TYPE_LABELS[tpl.projectType as ProjectType][lang],
              children: <TemplateForm key={tpl.items.map((i) => i.name).join('|')} template={tpl} departments={data.departments} />,
            }))}
          />
        )}
      </Card>
    </div>
  );
}
