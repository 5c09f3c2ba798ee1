import { Alert, Button, Form, Input, Modal, message } from 'antd';
import { useState } from 'react';
import { endpoints } from '../../api/endpoints.js';
import { applyFieldError, errorMessage } from '../../api/formErrors.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useAuth } from './AuthProvider.js';
import { TotpSetupPanel } from './TotpSetupPanel.js';

/** The account menu's 两步验证: set it up, or turn it off with the password where the role allows. */
export function TotpModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { user, refresh } = useAuth();
  const [form] = Form.useForm<{ currentPassword: string }>();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const enabled = async () => {
    await refresh();
    message.success(t('acTotpEnabled'));
    onClose();
  };

  const disable = async ({ currentPassword }: { currentPassword: string }) => {
    setBusy(true);
    setFailure(null);
    try {
      await endpoints.totpDisable(currentPassword);
      await refresh();
      message.success(t('acTotpDisabled'));
      onClose();
    } catch (err) {
      if (!applyFieldError(form, err, ['currentPassword'])) setFailure(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} title={t('acTotp')} footer={null} onCancel={onClose} destroyOnHidden>
      {user?.totpEnabled ? (
        <>
          <Alert type="success" showIcon style={{ marginBottom: 16 }} message={t('acTotpOn')} data-testid="totp-on" />
          {failure && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={failure} />}
          <Form form={form} layout="vertical" onFinish={disable}>
            <Form.Item name="currentPassword" label={t('acCurrentPassword')} rules={[{ required: true, message: t('acRequired', { field: t('acCurrentPassword') }) }]}>
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Button danger htmlType="submit" loading={busy} data-testid="totp-disable">
              {t('acTotpDisable')}
            </Button>
          </Form>
        </>
      ) : (
        <TotpSetupPanel onEnabled={enabled} />
      )}
    </Modal>
  );
}
