import { LockOutlined, TrophyFilled } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Segmented, Select, Space, Spin, Tag } from 'antd';
import { useState, type CSSProperties } from 'react';
import { useParams } from 'react-router-dom';
import type { BoardRow } from '../../../shared/livestream-board.js';
import { LanguageSwitch } from '../../i18n/LanguageSwitch.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { livestreamApi } from './api.js';
import { beijingTime } from './labels.js';

// The board shown on the base's screens and phones: no sign-in, large figures, what the public may see.
const page: CSSProperties = { minHeight: '100vh', background: 'linear-gradient(180deg, #4a0d2c 0%, #1f0a1a 100%)', color: '#fff', padding: '16px 16px 48px' };
const MEDALS = ['#f5c542', '#d9d9d9', '#d48a4a'];

function wan(fen: number, lang: 'zh' | 'en'): string {
  const yuan = fen / 100;
  if (lang === 'en') return `¥${yuan.toLocaleString('en-US', { maximumFractionDigits: 0 })}`;
  return yuan >= 10_000 ? `${(yuan / 10_000).toFixed(2)}万元` : `${yuan.toFixed(2)}元`;
}

function Row({ row, lang, big }: { row: BoardRow; lang: 'zh' | 'en'; big: boolean }) {
  const medal = MEDALS[row.rank - 1];
  return (
    <div data-testid="public-row" style={{ display: 'flex', alignItems: 'center', gap: 'clamp(8px, 2vw, 16px)', padding: big ? '16px clamp(10px, 3vw, 20px)' : '10px clamp(10px, 3vw, 20px)', marginBottom: 8, borderRadius: 10, background: big ? 'rgba(255,255,255,0.14)' : 'rgba(255,255,255,0.06)' }}>
      <div style={{ width: 'clamp(32px, 8vw, 56px)', fontSize: big ? 'clamp(26px, 6vw, 40px)' : 'clamp(18px, 4vw, 24px)', fontWeight: 700, textAlign: 'center', color: medal ?? '#fff' }}>{medal ? <TrophyFilled /> : row.rank}</div>
      <div style={{ flex: 1, minWidth: 0 }}>
        <div style={{ fontSize: big ? 'clamp(18px, 4vw, 26px)' : 'clamp(15px, 3.5vw, 18px)', fontWeight: 600, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{row.name}</div>
        <div style={{ opacity: 0.7, fontSize: 14 }}>{row.accountName}</div>
      </div>
      <div style={{ fontSize: big ? 'clamp(22px, 6vw, 40px)' : 'clamp(17px, 4.5vw, 26px)', fontWeight: 700, fontVariantNumeric: 'tabular-nums', color: '#ffd666', whiteSpace: 'nowrap' }} data-testid="public-net">{wan(row.netFen, lang)}</div>
    </div>
  );
}

export default function PublicBoardPage() {
  const { t, lang } = useI18n();
  const id = Number(useParams().id);
  const [day, setDay] = useState<string | undefined>(undefined);
  const board = useQuery({ queryKey: ['ls-public', id, day], queryFn: () => livestreamApi.publicBoard(id, day), refetchInterval: 30_000, retry: false });
  const b = board.data;
  return (
    <div style={page} data-testid="public-board">
      <div style={{ maxWidth: 1100, margin: '0 auto' }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
          <div style={{ fontSize: 16, letterSpacing: 2, opacity: 0.8 }}>{t('lsPublicTitle')}</div>
          <LanguageSwitch compact />
        </div>
        {board.isLoading && <Spin />}
        {board.isError && <Alert type="error" showIcon message={t('lsPublicNotFound')} style={{ marginTop: 24 }} />}
        {b && (
          <>
            <h1 style={{ color: '#fff', fontSize: 'clamp(24px, 4vw, 44px)', margin: '12px 0 4px' }} data-testid="public-title">{b.contestName}</h1>
            <Space wrap style={{ marginBottom: 16 }}>
              <Tag color={b.status === 'final' ? 'purple' : 'gold'} style={{ fontSize: 16, padding: '4px 10px' }} data-testid="public-status">{b.status === 'final' ? t('lsFinal') : t('lsProvisional')}</Tag>
              {b.countedUntil && (
                <Tag icon={<LockOutlined />} color="blue" style={{ fontSize: 16, padding: '4px 10px', whiteSpace: 'normal', maxWidth: '100%' }} data-testid="public-frozen">
                  {t('lsFrozenSince', { time: beijingTime(b.countedUntil) })}
                </Tag>
              )}
              {b.isSample && <Tag color="orange">{t('lsPublicSampleNote')}</Tag>}
            </Space>
            <Space wrap style={{ marginBottom: 16 }}>
              <Segmented value={day ? 'daily' : 'overall'} onChange={(v) => setDay(v === 'daily' ? b.days[0] : undefined)} options={[{ value: 'overall', label: t('lsOverall') }, { value: 'daily', label: t('lsDaily') }]} />
              {day && <Select value={day} onChange={setDay} style={{ width: 140 }} options={b.days.map((d) => ({ value: d, label: d }))} />}
            </Space>
            <div style={{ fontSize: 'clamp(28px, 5vw, 56px)', fontWeight: 700, color: '#ffd666', marginBottom: 16 }} data-testid="public-total">{wan(b.totals.netFen, lang)}</div>
            {b.rows.map((r) => <Row key={r.contestantId} row={r} lang={lang} big={r.rank <= 3} />)}
            <div style={{ opacity: 0.75, marginTop: 24, fontSize: 14 }}>
              <div>{t('lsPublicRule')}:{b.rule[lang]}</div>
              <div>{t('lsPublicUpdated', { time: beijingTime(b.generatedAt) })}</div>
            </div>
          </>
        )}
      </div>
    </div>
  );
}
