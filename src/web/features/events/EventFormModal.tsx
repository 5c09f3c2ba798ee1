import { App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { EventDetail } from '../../../shared/events.js';
import { applyFieldError, errorMessage } from '../../api/formErrors.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { eventApi } from './api.js';

interface Values {
  name: string;
  theme?: string;
  dates: [Dayjs, Dayjs];
  venue?: string;
  organiser?: string;
  description?: string;
}
const FIELDS = ['name', 'theme', 'startsOn', 'endsOn', 'venue', 'organiser', 'description'];

/** Creates an event, or edits one with the version it was read at (a stale one is refused). */
export function EventFormModal({ open, event, onClose, onSaved }: { open: boolean; event?: EventDetail; onClose: () => void; onSaved: (e: EventDetail) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (event) {
      form.setFieldsValue({ ...event, dates: [dayjs(event.startsOn), dayjs(event.endsOn)] });
    }
  }, [open, event, form]);

  async function submit(v: Values) {
    setSaving(true);
    const body = {
      name: v.name,
      theme: v.theme ?? '',
      startsOn: v.dates[0].format('YYYY-MM-DD'),
      endsOn: v.dates[1].format('YYYY-MM-DD'),
      venue: v.venue ?? '',
      organiser: v.organiser ?? '',
      description: v.description ?? '',
    };
    try {
      const saved = event ? await eventApi.update(event.id, { ...body, version: event.version }) : await eventApi.create(body);
      onSaved(saved);
    } catch (err) {
      if (!applyFieldError(form, err, FIELDS, { startsOn: 'dates', endsOn: 'dates' })) message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal open={open} title={event ? t('evEdit') : t('evNew')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={saving} destroyOnHidden width={640}>
      <Form form={form} layout="vertical" onFinish={submit} data-testid="event-form">
        <Form.Item name="name" label={t('evName')} rules={[{ required: true, message: t('evName') }]}>
          <Input maxLength={200} data-testid="event-name" />
        </Form.Item>
        <Form.Item name="theme" label={t('evTheme')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="dates" label={t('evDates')} rules={[{ required: true, message: t('evDates') }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="venue" label={t('evVenue')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="organiser" label={t('evOrganiser')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label={t('evDescription')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
