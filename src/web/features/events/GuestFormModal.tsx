import { App, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import type { Group, Guest } from '../../../shared/events.js';
import { applyFieldError, errorMessage } from '../../api/formErrors.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { EnterprisePicker } from '../enterprises/EnterprisePicker.js';
import { eventApi } from './api.js';
import { CATEGORIES, CATEGORY_KEYS, STATUSES, STATUS_KEYS } from './labels.js';

const FIELDS = ['enterpriseId', 'personName', 'organisation', 'title', 'phone', 'category', 'invitationStatus', 'groupId', 'note'];

export function GuestFormModal({ eventId, guest, groups, open, onClose, onSaved }: { eventId: number; guest?: Guest; groups: Group[]; open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(guest ? { ...guest, groupId: guest.group?.id ?? null, enterpriseId: guest.enterprise?.id } : { category: 'enterprise', invitationStatus: 'invited', groupId: null });
  }, [open, guest, form]);

  async function submit(v: Record<string, string | number | null>) {
    setSaving(true);
    const body = {
      personName: String(v.personName ?? ''),
      organisation: String(v.organisation ?? ''),
      title: String(v.title ?? ''),
      phone: String(v.phone ?? ''),
      category: v.category as Guest['category'],
      invitationStatus: v.invitationStatus as Guest['invitationStatus'],
      groupId: (v.groupId as number | null) ?? null,
      enterpriseId: (v.enterpriseId as number | undefined) ?? null,
      note: String(v.note ?? ''),
    };
    try {
      if (guest) await eventApi.updateGuest(eventId, guest.id, body);
      else await eventApi.addGuest(eventId, body);
      onSaved();
    } catch (err) {
      if (!applyFieldError(form, err, FIELDS)) message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal open={open} title={guest ? t('gEdit') : t('gAdd')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={saving} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="personName" label={t('gPerson')} rules={[{ required: true, message: t('gPerson') }]}>
          <Input maxLength={100} data-testid="guest-name" />
        </Form.Item>
        <Form.Item name="organisation" label={t('gOrganisation')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="enterpriseId" label={t('gEnterprise')}>
          <EnterprisePicker selected={guest?.enterprise} />
        </Form.Item>
        <Form.Item name="title" label={t('gTitle')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="phone" label={t('gPhone')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="category" label={t('gCategory')}>
          <Select options={CATEGORIES.map((c) => ({ value: c, label: t(CATEGORY_KEYS[c]) }))} />
        </Form.Item>
        <Form.Item name="invitationStatus" label={t('gStatus')}>
          <Select options={STATUSES.map((s) => ({ value: s, label: t(STATUS_KEYS[s]) }))} />
        </Form.Item>
        <Form.Item name="groupId" label={t('gGroup')}>
          <Select options={[{ value: null, label: t('gNoGroup') }, ...groups.map((g) => ({ value: g.id, label: g.name }))]} />
        </Form.Item>
        <Form.Item name="note" label={t('gNote')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
