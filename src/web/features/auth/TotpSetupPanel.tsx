import { Alert, Button, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import type { TotpSetup } from '../../../shared/auth.js';
import { endpoints } from '../../api/endpoints.js';
import { applyFieldError, errorMessage } from '../../api/formErrors.js';
import { useI18n } from '../../i18n/I18nProvider.js';

/** Shows a new secret as a QR code and turns two-step verification on once a code from it checks out. */
export function TotpSetupPanel({ onEnabled }: { onEnabled: () => void | Promise<void> }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ code: string }>();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const start = async () => {
    setBusy(true);
    setFailure(null);
    try {
      setSetup(await endpoints.totpSetup());
    } catch (err) {
      setFailure(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const enable = async ({ code }: { code: string }) => {
    setBusy(true);
    setFailure(null);
    try {
      await endpoints.totpEnable(code);
      await onEnabled();
    } catch (err) {
      if (!applyFieldError(form, err, ['code'])) setFailure(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph>{t('acTotpIntro')}</Typography.Paragraph>
      {failure && <Alert type="error" showIcon message={failure} />}
      {!setup ? (
        <Button type="primary" onClick={start} loading={busy} data-testid="totp-start">
          {t('acTotpStart')}
        </Button>
      ) : (
        <>
          <div style={{ textAlign: 'center' }}>
            <img src={setup.qrDataUrl} alt="QR" width={220} height={220} data-testid="totp-qr" />
          </div>
          <Typography.Text type="secondary">{t('acTotpManual')}:</Typography.Text>
          <Typography.Text code copyable data-testid="totp-secret">
            {setup.secret}
          </Typography.Text>
          <Form form={form} layout="vertical" onFinish={enable} style={{ marginTop: 12 }}>
            <Form.Item name="code" label={t('acTotpCode')} rules={[{ required: true, pattern: /^\d{6}$/, message: t('acTotpCodeHint') }]}>
              <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} data-testid="totp-code" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="totp-enable">
              {t('acTotpEnable')}
            </Button>
          </Form>
        </>
      )}
    </Space>
  );
}
