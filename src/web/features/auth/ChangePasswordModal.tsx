import { useQuery } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, message } from 'antd';
import { useState } from 'react';
import { endpoints } from '../../api/endpoints.js';
import { applyFieldError, errorMessage } from '../../api/formErrors.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useAuth } from './AuthProvider.js';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { changePassword } = useAuth();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const policy = useQuery({ queryKey: ['password-policy'], queryFn: endpoints.passwordPolicy, enabled: open });

  const submit = async (values: Values) => {
    setSaving(true);
    setFailure(null);
    try {
      await changePassword(values.currentPassword, values.newPassword);
      message.success(t('acChanged'));
      form.resetFields();
      onClose();
    } catch (err) {
      if (!applyFieldError(form, err, ['currentPassword', 'newPassword'])) setFailure(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  const required = (field: string) => ({ required: true, message: t('acRequired', { field }) });
  return (
    <Modal
      open={open}
      title={t('acChangePassword')}
      okText={t('acSubmit')}
      cancelText={t('acCancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'password-submit' } as Record<string, string>}
      destroyOnHidden
    >
      {policy.data && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('acRules', { n: policy.data.minLength, h: policy.data.history })} />}
      {failure && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={failure} />}
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item name="currentPassword" label={t('acCurrentPassword')} rules={[required(t('acCurrentPassword'))]}>
          <Input.Password autoComplete="current-password" data-testid="password-current" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('acNewPassword')} rules={[required(t('acNewPassword'))]}>
          <Input.Password autoComplete="new-password" data-testid="password-new" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('acConfirmPassword')}
          dependencies={['newPassword']}
          rules={[
            required(t('acConfirmPassword')),
            ({ getFieldValue }) => ({
              validator: (_, value) => (!value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('acMismatch')))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-confirm" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
