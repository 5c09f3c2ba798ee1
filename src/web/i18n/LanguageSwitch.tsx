import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useI18n } from './I18nProvider.js';

export function LanguageSwitch({ light, compact }: { light?: boolean; compact?: boolean }) {
  const { lang, setLang, t } = useI18n();
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      data-testid="lang-switch"
      aria-label={t('langSwitch')}
      style={light ? { color: '#fff' } : undefined}
      onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
    >
      {compact ? (lang === 'zh' ? 'EN' : '中') : t('langSwitch')}
    </Button>
  );
}
