import { Card, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useI18n } from '../../i18n/I18nProvider.js';
import { InterestsTab } from './InterestsTab.js';
import { OffersTab } from './OffersTab.js';

/** 投资项目清单: the park offers shown on the public page, and the interest that comes back from it. */
export default function OpportunitiesPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'interests' ? 'interests' : 'offers';
  return (
    <div>
      <div className="page-head">
        <Typography.Title level={4}>{t('opportunitiesTitle')}</Typography.Title>
      </div>
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'offers' ? {} : { tab: key }, { replace: true })}
          items={[
            { key: 'offers', label: <span data-testid="tab-offers">{t('tabOffers')}</span>, children: <OffersTab /> },
            { key: 'interests', label: <span data-testid="tab-interests">{t('tabInterests')}</span>, children: <InterestsTab /> },
          ]}
        />
      </Card>
    </div>
  );
}
