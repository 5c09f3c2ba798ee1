import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { errorMessage } from '../../api/formErrors.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { LanguageSwitch } from '../../i18n/LanguageSwitch.js';
import { useAuth } from './AuthProvider.js';

interface LoginValues {
  username: string;
  password: string;
  totp?: string;
}

/** Only same-site paths, so a crafted ?next= cannot send the user elsewhere after signing in. */
function safeNext(next: string | null): string {
  // Without one, the index route picks the user's start page (features/skills/landing.ts).
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t, field } = useI18n();
  const { user, signIn } = useAuth();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  // Shown once the server says the password was right and the account also needs its code.
  const [askCode, setAskCode] = useState(false);

  if (user) return <Navigate to={safeNext(params.get('next'))} replace />;

  const onFinish = async (v: LoginValues) => {
    setSubmitting(true);
    setError(null);
    try {
      await signIn(v.username.trim(), v.password, askCode ? v.totp : undefined);
    } catch (err) {
      if (err instanceof ApiError && (err.code === 'totp_required' || err.code === 'totp_invalid')) setAskCode(true);
      setError(errorMessage(err));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="login-page">
      <div className="login-lang">
        <LanguageSwitch light />
      </div>
      <Card className="login-card">
        <div className="login-brand">
          <Typography.Title level={2} style={{ margin: 0 }}>
            {t('productName')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('productTagline')}</Typography.Text>
        </div>
        {error && (
          <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="login-error" />
        )}
        <Form<LoginValues> name="login" layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item
            name="username"
            label={field('username')}
            rules={[{ required: true, whitespace: true, message: t('usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label={field('password')} rules={[{ required: true, message: t('passwordRequired') }]}>
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              size="large"
              data-testid="login-password"
            />
          </Form.Item>
          {askCode && (
            <Form.Item name="totp" label={t('acTotpCode')} rules={[{ required: true, pattern: /^\d{6}$/, message: t('acTotpCodeHint') }]}>
              <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus size="large" data-testid="login-totp" />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" block size="large" loading={submitting} data-testid="login-submit">
            {t('signIn')}
          </Button>
        </Form>
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          <Link to="/open" data-testid="open-link">{t('openLink')}</Link>
        </div>
      </Card>
    </div>
  );
}
