import { App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { Group, Guest, Stop } from '../../../shared/events.js';
import { applyFieldError, errorMessage } from '../../api/formErrors.js';
import { useRegions } from '../../api/useRegions.js';
import { useI18n } from '../../i18n/I18nProvider.js';

interface ModalProps<T> {
  open: boolean;
  initial?: T;
  onClose: () => void;
  /** Saves the values; a field error from the server lands on its field. */
  onSubmit: (values: Record<string, unknown>) => Promise<unknown>;
}

function useSubmit(form: ReturnType<typeof Form.useForm>[0], fields: string[], onSubmit: ModalProps<unknown>['onSubmit'], rename: Record<string, string> = {}) {
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const submit = async (values: Record<string, unknown>) => {
    setSaving(true);
    try {
      await onSubmit(values);
    } catch (err) {
      if (!applyFieldError(form, err, fields, rename)) message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };
  return { saving, submit };
}

export function GroupModal({ open, initial, onClose, onSubmit }: ModalProps<Group>) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const { saving, submit } = useSubmit(form, ['name', 'leader', 'note', 'sortOrder'], onSubmit);
  useEffect(() => {
    if (open) form.setFieldsValue(initial ?? { name: '', leader: '', note: '', sortOrder: undefined });
  }, [open, initial, form]);
  return (
    <Modal open={open} title={initial ? t('grEdit') : t('grAdd')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={saving} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="name" label={t('grName')} rules={[{ required: true, message: t('grName') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="leader" label={t('grLeader')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('sortOrder')}>
          <InputNumber min={0} max={10000} />
        </Form.Item>
        <Form.Item name="note" label={t('gNote')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function StopModal({ open, initial, startsOn, onClose, onSubmit }: ModalProps<Stop> & { startsOn: string }) {
  const { t } = useI18n();
  const { regions } = useRegions();
  const [form] = Form.useForm();
  const { saving, submit } = useSubmit(
    form,
    ['place', 'regionCode', 'scheduledAt', 'host', 'activity'],
    (v) => onSubmit({ ...v, scheduledAt: v.scheduledAt ? (v.scheduledAt as Dayjs).format('YYYY-MM-DD HH:mm') : null, regionCode: v.regionCode ?? null }),
  );
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      initial
        ? { ...initial, scheduledAt: initial.scheduledAt ? dayjs(initial.scheduledAt, 'YYYY-MM-DD HH:mm') : null }
        : { scheduledAt: dayjs(`${startsOn} 09:00`, 'YYYY-MM-DD HH:mm') },
    );
  }, [open, initial, startsOn, form]);
  return (
    <Modal open={open} title={initial ? t('spEdit') : t('spAdd')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={saving} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="place" label={t('spPlace')} rules={[{ required: true, message: t('spPlace') }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="regionCode" label={t('spRegion')}>
          <Select allowClear options={regions.map((r) => ({ value: r.code, label: r.name }))} />
        </Form.Item>
        <Form.Item name="scheduledAt" label={t('spTime')}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="host" label={t('spHost')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="activity" label={t('spActivity')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function MembersModal({ open, group, guests, onClose, onSubmit }: { open: boolean; group?: Group; guests: Guest[]; onClose: () => void; onSubmit: (ids: number[]) => Promise<unknown> }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const { saving, submit } = useSubmit(form, ['guestIds'], (v) => onSubmit((v.guestIds as number[]) ?? []));
  useEffect(() => {
    if (open && group) form.setFieldsValue({ guestIds: group.members.map((m) => m.id) });
  }, [open, group, form]);
  return (
    <Modal open={open} title={`${t('grSetMembers')}:${group?.name ?? ''}`} onCancel={onClose} onOk={() => form.submit()} confirmLoading={saving} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="guestIds" label={t('grMembers')}>
          <Select
            mode="multiple"
            optionFilterProp="label"
            options={guests.map((g) => ({
              value: g.id,
              label: `${g.personName}(${g.organisation || '—'})${g.group && g.group.id !== group?.id ? ` · ${g.group.name}` : ''}`,
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
