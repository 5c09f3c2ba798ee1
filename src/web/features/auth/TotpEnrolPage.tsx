import { Alert, Button, Card, Typography } from 'antd';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useAuth } from './AuthProvider.js';
import { TotpSetupPanel } from './TotpSetupPanel.js';

/** What a user whose role requires two-step verification sees until it is set up: the server refuses everything else. */
export function TotpEnrolPage() {
  const { t } = useI18n();
  const { user, signOut, refresh } = useAuth();
  return (
    <div className="login-page">
      <Card className="login-card" style={{ width: 440 }}>
        <Typography.Title level={3}>{t('acTotp')}</Typography.Title>
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('acTotpRequiredIntro')} data-testid="totp-required" />
        <Typography.Paragraph type="secondary">{user?.displayName}</Typography.Paragraph>
        <TotpSetupPanel onEnabled={refresh} />
        <Button type="link" onClick={() => void signOut()} style={{ marginTop: 16, paddingLeft: 0 }}>
          {t('signOut')}
        </Button>
      </Card>
    </div>
  );
}
