import { PlusOutlined } from '@ant-design/icons';
import { Button, Segmented, Space, Typography } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useAuth } from '../auth/AuthProvider.js';

/** Title, list/board switch (keeping the filters) and "new lead". */
export function LeadsHeader({ current }: { current: 'list' | 'board' }) {
  const { t } = useI18n();
  const { canWrite } = useAuth();
  const navigate = useNavigate();
  const { search } = useLocation();
  return (
    <div className="page-head" style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 8 }}>
      <Space size={16} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('menuLeads')}
        </Typography.Title>
        <Segmented
          value={current}
          data-testid="leads-view"
          onChange={(v) => navigate(`${v === 'board' ? '/leads/board' : '/leads'}${search}`)}
          options={[
            { value: 'list', label: <span data-testid="view-list">{t('lpList')}</span> },
            { value: 'board', label: <span data-testid="view-board">{t('lpBoard')}</span> },
          ]}
        />
      </Space>
      {canWrite && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/leads/new')} data-testid="create-lead">
          {t('lpNew')}
        </Button>
      )}
    </div>
  );
}
