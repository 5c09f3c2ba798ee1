import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Empty, Row, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { formatYuan } from '../../../shared/format.js';
import type { PublicChain, PublicGap, PublicOffer } from '../../../shared/opportunities.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { LanguageSwitch } from '../../i18n/LanguageSwitch.js';
import { POSITION_KEYS } from '../chains/constants.js';
import { opportunityApi } from './api.js';
import { InterestModal, type InterestTarget } from './InterestModal.js';

/** A name that exists only in Chinese is marked as Chinese, so screen readers and translators know; the page says so once. */
function Name({ name, translated }: { name: string; translated: boolean }) {
  return <span lang={translated ? undefined : 'zh-CN'}>{name}</span>;
}

function OfferCard({ offer, onInterest }: { offer: PublicOffer; onInterest: (t: InterestTarget) => void }) {
  const { t, lang, field } = useI18n();
  const items = [
    offer.region && { key: 'region', label: field('regionCode'), children: offer.region.name },
    offer.node && { key: 'node', label: t('offerNode'), children: <Name {...offer.node} /> },
    offer.investmentYuan !== null && { key: 'inv', label: t('offerInvestment'), children: formatYuan(offer.investmentYuan, lang) },
    offer.landMu !== null && { key: 'land', label: t('offerLand'), children: t('offerLandMu', { n: offer.landMu }) },
    offer.contact && { key: 'contact', label: t('offerContact'), children: offer.contact },
  ].filter(Boolean) as { key: string; label: string; children: ReactNode }[];
  return (
    <Card
      size="small"
      data-testid="open-offer"
      title={
        <Space wrap size={4}>
          <span style={{ whiteSpace: 'normal' }}>{offer.title}</span>
          {offer.isSample && <Tag>{t('sampleTag')}</Tag>}
        </Space>
      }
      style={{ height: '100%' }}
    >
      {offer.summary && <Typography.Paragraph>{offer.summary}</Typography.Paragraph>}
      {!offer.translated && lang === 'en' && <Typography.Paragraph type="secondary">{t('untranslated')}</Typography.Paragraph>}
      <Descriptions size="small" column={1} items={items} />
      <Button type="primary" style={{ marginTop: 8 }} data-testid="interest-button" onClick={() => onInterest({ opportunityId: offer.id, label: offer.title })}>
        {t('expressInterest')}
      </Button>
    </Card>
  );
}

function GapRow({ gap, chainName, onInterest }: { gap: PublicGap; chainName: string; onInterest: (t: InterestTarget) => void }) {
  const { t } = useI18n();
  return (
    <div className="open-gap" data-testid="open-gap">
      <Space wrap size={6}>
        <Tag color={gap.status === 'missing' ? 'red' : 'orange'}>{t(gap.status === 'missing' ? 'gapMissing' : 'gapWeak')}</Tag>
        <Name {...gap.node} />
        <Typography.Text type="secondary">{t(POSITION_KEYS[gap.position])}</Typography.Text>
      </Space>
      <Button size="small" data-testid="interest-button" onClick={() => onInterest({ nodeId: gap.node.id, label: `${chainName} · ${gap.node.name}` })}>
        {t('expressInterest')}
      </Button>
    </div>
  );
}

function ChainCard({ group, onInterest }: { group: PublicChain; onInterest: (t: InterestTarget) => void }) {
  const { t } = useI18n();
  return (
    <Card title={<Name {...group.chain} />} style={{ marginBottom: 16 }} data-testid="open-chain">
      {group.offers.length > 0 && (
        <>
          <Typography.Title level={5}>{t('openOffers')}</Typography.Title>
          <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
            {group.offers.map((o) => (
              <Col key={o.id} xs={24} md={12}>
                <OfferCard offer={o} onInterest={onInterest} />
              </Col>
            ))}
          </Row>
        </>
      )}
      {group.gaps.length > 0 && (
        <>
          <Typography.Title level={5}>{t('openGaps')}</Typography.Title>
          {group.gaps.map((g) => (
            <GapRow key={g.node.id} gap={g} chainName={group.chain.name} onInterest={onInterest} />
          ))}
        </>
      )}
    </Card>
  );
}

/** The page an outside investor reaches without an account: what Changji offers, and a form to answer it. */
export default function PublicPage() {
  const { t, lang } = useI18n();
  const [target, setTarget] = useState<InterestTarget | null>(null);
  useEffect(() => {
    const before = document.title;
    document.title = t('openTitle');
    return () => {
      document.title = before;
    };
  }, [t]);
  const list = useQuery({ queryKey: ['public-opportunities', lang], queryFn: () => opportunityApi.publicList(lang), staleTime: 60_000 });
  const data = list.data;
  const empty = data && data.clusters.length === 0 && data.otherOffers.length === 0;

  return (
    <div className="open-page" data-testid="open-page">
      <header className="open-header">
        <span className="open-brand">{t('productName')}</span>
        <Space size={0}>
          <LanguageSwitch />
          <Link to="/login" data-testid="open-sign-in">
            <Button type="link">{t('openSignIn')}</Button>
          </Link>
        </Space>
      </header>
      <main className="open-main">
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          {t('openTitle')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ fontSize: 15 }}>
          {t('openSubtitle')}
        </Typography.Paragraph>
        {lang === 'en' && data && <Alert type="info" showIcon message={t('untranslatedNote')} style={{ marginBottom: 16 }} data-testid="open-untranslated" />}
        {list.isLoading && <Spin style={{ display: 'block', margin: 48 }} />}
        {list.isError && <Alert type="error" showIcon message={t('openLoadError', { msg: list.error.message })} />}
        {empty && <Empty description={t('openEmpty')} data-testid="open-empty" />}
        {data?.clusters.map((c) => (
          <section key={c.cluster.id}>
            <Typography.Title level={3}>
              <Name {...c.cluster} />
            </Typography.Title>
            {c.chains.map((g) => (
              <ChainCard key={g.chain.id} group={g} onInterest={setTarget} />
            ))}
          </section>
        ))}
        {data && data.otherOffers.length > 0 && (
          <section>
            <Typography.Title level={3}>{t('openOtherOffers')}</Typography.Title>
            <Row gutter={[12, 12]}>
              {data.otherOffers.map((o) => (
                <Col key={o.id} xs={24} md={12}>
                  <OfferCard offer={o} onInterest={setTarget} />
                </Col>
              ))}
            </Row>
          </section>
        )}
      </main>
      <InterestModal target={target} onClose={() => setTarget(null)} />
    </div>
  );
}
