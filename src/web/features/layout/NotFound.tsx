import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/I18nProvider.js';

/** Also shown for projects the user may not see: the server answers those 404 on purpose. */
export function NotFound() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('notFound')}
      data-testid="not-found"
      extra={
        <Link to="/dashboard">
          <Button type="primary">{t('backHome')}</Button>
        </Link>
      }
    />
  );
}
