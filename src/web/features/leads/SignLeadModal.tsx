import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Form, Input, InputNumber, Modal, Radio, Result, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { todayInShanghai } from '../../../shared/format.js';
import type { Lead } from '../../../shared/leads.js';
import type { Project } from '../../../shared/projects.js';
import { ApiError } from '../../api/client.js';
import { endpoints } from '../../api/endpoints.js';
import { applyFieldError, errorMessage } from '../../api/formErrors.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useRegionOptions } from './labels.js';
import { useLeadRefresh } from './useLeadMutations.js';

interface Values {
  mode: 'create' | 'link';
  signedOn: Dayjs;
  name?: string;
  investmentWan?: number;
  regionCode?: string;
  projectId?: number;
}

// Server field paths → this form's names.
const RENAME = { 'project.name': 'name', 'project.investmentYuan': 'investmentWan', 'project.regionCode': 'regionCode', 'project': 'name' };

/** Signs a lead into the ledger: a new project at stage 已签约, or a link to one already there. */
export function SignLeadModal({ lead, onClose }: { lead: Lead; onClose: () => void }) {
  const { t, field } = useI18n();
  const regionOptions = useRegionOptions();
  const { refresh, onConflict } = useLeadRefresh();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [signed, setSigned] = useState<Project | null>(null);
  const [q, setQ] = useState('');
  const mode = Form.useWatch('mode', form) ?? 'create';
  const today = dayjs(todayInShanghai());

  const candidates = useQuery({
    queryKey: ['projects', 'sign-picker', q],
    queryFn: () => endpoints.projects({ q: q || undefined, page: 1, pageSize: 20 }),
    enabled: mode === 'link',
  });

  const mutation = useMutation({
    mutationFn: (v: Values) =>
      endpoints.signLead(lead.id, {
        version: lead.version,
        signedOn: v.signedOn.format('YYYY-MM-DD'),
        ...(v.mode === 'link'
          ? { projectId: v.projectId }
          : { project: { name: v.name!.trim(), investmentYuan: Math.round((v.investmentWan ?? 0) * 10_000), regionCode: v.regionCode } }),
      }),
    onSuccess: (project) => {
      setSigned(project);
      refresh(lead.id);
    },
    onError: (err) => {
      if (onConflict(err, lead.id)) return onClose();
      if (err instanceof ApiError && err.code === 'lead_already_signed') refresh(lead.id);
      const fields = ['project', 'projectId', 'signedOn'];
      if (!applyFieldError(form, err, fields, RENAME)) setError(errorMessage(err));
    },
  });

  if (signed) {
    return (
      <Modal open title={t('lpSignTitle')} onCancel={onClose} footer={null} destroyOnHidden>
        <Result
          status="success"
          title={t('lpSignDone')}
          subTitle={signed.name}
          extra={[
            <Link key="open" to={`/projects/${signed.id}`} data-testid="signed-project-link">
              <Button type="primary">{t('lpOpenProject')}</Button>
            </Link>,
            <Button key="close" onClick={onClose}>
              {t('cancel')}
            </Button>,
          ]}
        />
      </Modal>
    );
  }

  return (
    <Modal
      open
      title={`${t('lpSignTitle')} · ${lead.enterprise.name}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('lpSign')}
      okButtonProps={{ loading: mutation.isPending, ...({ 'data-testid': 'sign-submit' } as object) }}
      cancelText={t('cancel')}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="sign-error" />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => mutation.mutate(v)}
        onValuesChange={() => setError(null)}
        initialValues={{
          mode: 'create',
          signedOn: today,
          name: `${lead.enterprise.name}${lead.node ? ` ${lead.node.name}` : ''}项目`,
          investmentWan: lead.estimatedInvestmentYuan != null ? lead.estimatedInvestmentYuan / 10_000 : undefined,
          regionCode: lead.regionCode ?? undefined,
        }}
      >
        <Form.Item name="mode">
          <Radio.Group optionType="button" data-testid="sign-mode">
            <Radio value="create">{t('lpSignCreate')}</Radio>
            <Radio value="link" data-testid="sign-mode-link">{t('lpSignLink')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="signedOn" label={t('lpSignedOn')} rules={[{ required: true, message: t('required', { field: t('lpSignedOn') }) }]}>
          <DatePicker style={{ width: '100%' }} allowClear={false} disabledDate={(d) => d.isAfter(today, 'day')} data-testid="sign-date" />
        </Form.Item>
        {mode === 'create' ? (
          <>
            <Form.Item name="name" label={t('lpSignProjectName')} rules={[{ required: true, whitespace: true, message: t('required', { field: t('lpSignProjectName') }) }]}>
              <Input maxLength={200} data-testid="sign-name" />
            </Form.Item>
            <Form.Item name="investmentWan" label={`${t('lpSignInvestment')}(${t('lpWan')})`} rules={[{ required: true, message: t('required', { field: t('lpSignInvestment') }) }]}>
              <InputNumber min={0} step={100} style={{ width: '100%' }} addonAfter={t('lpWan')} data-testid="sign-investment" />
            </Form.Item>
            <Form.Item name="regionCode" label={field('regionCode')} rules={[{ required: true, message: t('required', { field: field('regionCode') }) }]}>
              <Select
                showSearch
                optionFilterProp="label"
                data-testid="sign-region"
                options={regionOptions}
              />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="projectId" label={t('lpSignPickProject')} rules={[{ required: true, message: t('lpSignPickProject') }]}>
            <Select
              showSearch
              filterOption={false}
              onSearch={setQ}
              data-testid="sign-project"
              options={(candidates.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name}(${p.investorName})` }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
