import { Col, Row, Space, Typography } from 'antd';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useAuth } from '../auth/AuthProvider.js';
import { DeadlineCalculator } from './DeadlineCalculator.js';
import { HolidayCalendarCard } from './HolidayCalendarCard.js';
import { ServiceLevelsCard } from './ServiceLevelsCard.js';

/** 系统设置 → 办理时限与节假日 (admin): what sets every department's deadline. */
export default function ServiceSettingsPage() {
  const { t } = useI18n();
  const { isAdmin } = useAuth();
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('setServices')}
      </Typography.Title>
      <ServiceLevelsCard />
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={15}>
          <HolidayCalendarCard editable={isAdmin} />
        </Col>
        <Col xs={24} xl={9}>
          <DeadlineCalculator />
        </Col>
      </Row>
    </Space>
  );
}
