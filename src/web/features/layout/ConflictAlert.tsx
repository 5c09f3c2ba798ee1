import { Alert, Button, Space } from 'antd';
import { useI18n } from '../../i18n/I18nProvider.js';

/**
 * Shown when a save met a newer version (409): keep the user's input on top of the latest version,
 * or drop it and load the latest. Both forms with optimistic edits use it.
 */
export function ConflictAlert({ message, onReload }: { message: string; onReload: (keepMine: boolean) => void }) {
  const { t } = useI18n();
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="conflict-alert"
      message={t('conflictTitle')}
      description={message}
      style={{ marginBottom: 12 }}
      action={
        <Space direction="vertical">
          <Button size="small" type="primary" onClick={() => onReload(true)} data-testid="conflict-keep">
            {t('keepMine')}
          </Button>
          <Button size="small" onClick={() => onReload(false)} data-testid="conflict-discard">
            {t('discardMine')}
          </Button>
        </Space>
      }
    />
  );
}
