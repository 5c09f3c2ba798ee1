import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Select, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { shanghaiDateTime } from '../../../shared/skills-format.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { skillsApi } from './api.js';
import { AppealsTab } from './AppealsTab.js';
import { ContestantsTab } from './ContestantsTab.js';
import { JudgesTab } from './JudgesTab.js';
import { ResultsTab } from './ResultsTab.js';
import { SchemeTab } from './SchemeTab.js';
import { SetupTab } from './SetupTab.js';

// The organiser's 技能大赛管理: one competition and one event at a time; a tab per part of the work.

export default function SkillsAdminPage() {
  const { t } = useI18n();
  const competitions = useQuery({ queryKey: ['skills-competitions'], queryFn: skillsApi.competitions });
  const [competitionId, setCompetitionId] = useState<number | null>(null);
  const currentId = competitionId ?? competitions.data?.items[0]?.id ?? null;
  const detail = useQuery({ queryKey: ['skills-competition', currentId], queryFn: () => skillsApi.competition(currentId!), enabled: currentId !== null });
  const [eventId, setEventId] = useState<number | null>(null);
  if (competitions.isLoading || detail.isLoading) return <Spin />;
  if (!currentId || !detail.data) return <Empty description={t('skTitle')} />;
  const c = detail.data;
  const event = c.events.find((e) => e.id === eventId) ?? c.events[0];
  const eventTabs = event
    ? [
        { key: 'contestants', label: t('skTabContestants'), children: <ContestantsTab key={event.id} competition={c} event={event} /> },
        { key: 'judges', label: t('skTabJudges'), children: <JudgesTab key={event.id} competition={c} event={event} /> },
        { key: 'scheme', label: t('skTabScheme'), children: <SchemeTab key={event.id} event={event} /> },
        { key: 'results', label: <span data-testid="tab-results">{t('skTabResults')}</span>, children: <ResultsTab key={event.id} competition={c} event={event} /> },
        { key: 'appeals', label: t('skTabAppeals'), children: <AppealsTab key={event.id} event={event} /> },
      ]
    : [];
  return (
    <div data-testid="skills-admin">
      <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 12 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('skTitle')}
        </Typography.Title>
        <Space wrap>
          <Select
            value={currentId}
            onChange={(v) => {
              setCompetitionId(v);
              setEventId(null);
            }}
            options={competitions.data?.items.map((x) => ({ value: x.id, label: x.name }))}
            style={{ minWidth: 280 }}
            aria-label={t('skCompetition')}
          />
          {event && <Select value={event.id} onChange={setEventId} options={c.events.map((e) => ({ value: e.id, label: `${e.code} ${e.name}` }))} style={{ minWidth: 200 }} aria-label={t('skEvent')} data-testid="event-select" />}
        </Space>
      </Space>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Typography.Text strong>{c.name}</Typography.Text>
          {c.isSample && <Tag color="orange">{t('skSample')}</Tag>}
          <Typography.Text type="secondary">{`${c.site} · ${c.startsOn} – ${c.endsOn}`}</Typography.Text>
        </Space>
        <Alert
          style={{ marginTop: 8 }}
          type="info"
          message={t('skRulesText', {
            contestants: c.contestantsPerUnit,
            judges: c.judgesPerUnit,
            tolerance: c.spreadTolerance,
            release: c.releaseAt ? shanghaiDateTime(c.releaseAt) : t('skNotScheduled'),
            hours: c.appealHours,
          })}
        />
      </Card>
      <Tabs items={[{ key: 'setup', label: t('skTabSetup'), children: <SetupTab competition={c} /> }, ...eventTabs]} defaultActiveKey={event ? 'contestants' : 'setup'} />
    </div>
  );
}
