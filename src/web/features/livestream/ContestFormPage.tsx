import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, Space, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import type { CreateContestInput } from '../../../shared/livestream.js';
import { applyFieldError, errorMessage } from '../../api/formErrors.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { livestreamApi } from './api.js';

interface FormValues {
  name: string;
  venue?: string;
  registration: [Dayjs, Dayjs];
  window: [Dayjs, Dayjs];
  refundWindowDays: number;
  concentrationPct: number;
  subsidiesCount: boolean;
  rulesNote?: string;
}

const FIELDS = ['name', 'venue', 'registrationOpensOn', 'registrationClosesOn', 'windowStartOn', 'windowEndOn', 'refundWindowDays', 'concentrationPct', 'rulesNote'];
const RENAME = { registrationOpensOn: 'registration', registrationClosesOn: 'registration', windowStartOn: 'window', windowEndOn: 'window' };
const day = (d: Dayjs) => d.format('YYYY-MM-DD');

export default function ContestFormPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const id = Number(useParams().id) || null;
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const existing = useQuery({ queryKey: ['ls-contest', id], queryFn: () => livestreamApi.get(id!), enabled: id !== null });

  useEffect(() => {
    const c = existing.data;
    if (!c) return;
    form.setFieldsValue({
      name: c.name,
      venue: c.venue,
      registration: [dayjs(c.registrationOpensOn), dayjs(c.registrationClosesOn)],
      window: [dayjs(c.windowStartOn), dayjs(c.windowEndOn)],
      refundWindowDays: c.refundWindowDays,
      concentrationPct: c.concentrationPct,
      subsidiesCount: c.subsidiesCount,
      rulesNote: c.rulesNote,
    });
  }, [existing.data, form]);

  async function submit(v: FormValues) {
    const body: CreateContestInput = {
      name: v.name,
      venue: v.venue ?? '',
      registrationOpensOn: day(v.registration[0]),
      registrationClosesOn: day(v.registration[1]),
      windowStartOn: day(v.window[0]),
      windowEndOn: day(v.window[1]),
      refundWindowDays: v.refundWindowDays,
      concentrationPct: v.concentrationPct,
      subsidiesCount: v.subsidiesCount,
      rulesNote: v.rulesNote ?? '',
    };
    setSaving(true);
    try {
      const saved = id ? await livestreamApi.update(id, { ...body, version: existing.data!.version }) : await livestreamApi.create(body);
      await queryClient.invalidateQueries({ queryKey: ['ls-contest'] });
      await queryClient.invalidateQueries({ queryKey: ['ls-contests'] });
      message.success(t('lsSaved'));
      navigate(`/livestream/${saved.id}`);
    } catch (err) {
      if (!applyFieldError(form, err, FIELDS, RENAME)) message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  }

  if (id && existing.isLoading) return <Spin />;
  return (
    <div>
      <Typography.Title level={4}>{id ? t('lsFormEdit') : t('lsFormNew')}</Typography.Title>
      <Card>
        <Form<FormValues>
          form={form}
          layout="vertical"
          style={{ maxWidth: 720 }}
          initialValues={{ refundWindowDays: 7, concentrationPct: 30, subsidiesCount: false }}
          onFinish={(v) => void submit(v)}
        >
          <Form.Item name="name" label={t('lsName')} rules={[{ required: true, message: t('lsName') }]}>
            <Input maxLength={200} data-testid="ls-form-name" />
          </Form.Item>
          <Form.Item name="venue" label={t('lsVenue')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="registration" label={t('lsRegistration')} rules={[{ required: true, message: t('lsRegistration') }]}>
            <DatePicker.RangePicker data-testid="ls-form-registration" />
          </Form.Item>
          <Form.Item name="window" label={t('lsWindow')} rules={[{ required: true, message: t('lsWindow') }]}>
            <DatePicker.RangePicker data-testid="ls-form-window" />
          </Form.Item>
          <Space size={24} wrap>
            <Form.Item name="refundWindowDays" label={t('lsRefundDays')} tooltip={t('lsRefundDaysHint')}>
              <InputNumber min={0} max={30} />
            </Form.Item>
            <Form.Item name="concentrationPct" label={t('lsConcentration')}>
              <InputNumber min={1} max={100} />
            </Form.Item>
          </Space>
          <Form.Item name="subsidiesCount" valuePropName="checked">
            <Checkbox>{t('lsSubsidies')}</Checkbox>
          </Form.Item>
          <Form.Item name="rulesNote" label={t('lsRulesNote')}>
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="ls-form-save">{t('lsSave')}</Button>
            <Button onClick={() => navigate(id ? `/livestream/${id}` : '/livestream')}>{t('lsCancel')}</Button>
          </Space>
        </Form>
      </Card>
    </div>
  );
}
