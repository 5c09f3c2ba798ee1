import { ArrowLeftOutlined, CheckCircleFilled, LockOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, InputNumber, List, Radio, Segmented, Select, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { JudgeQueue } from '../../../shared/skills.js';
import { ApiError } from '../../api/client.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { skillsApi } from './api.js';
import { ModerationPanel, ModuleSignOff } from './ModerationPanel.js';

// The judge's marking page, made for a phone held in one hand: pick a module, tap a workstation
// code, tap 0–3 for each judgement aspect (saved at once), type measurement marks in points.
// Names never appear here; the server leaves the judge's own unit out of the list.

type QueueEvent = JudgeQueue['events'][number];

function Sheet({ event, moduleId, contestantId, onBack }: { event: QueueEvent; moduleId: number; contestantId: number; onBack: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const sheet = useQuery({ queryKey: ['skills-sheet', contestantId], queryFn: () => skillsApi.sheet(contestantId) });
  const [draft, setDraft] = useState<Record<number, number | null>>({});
  const mark = useMutation({
    mutationFn: skillsApi.mark,
    onSuccess: () => {
      message.success({ content: t('skMarkSaved'), duration: 1 });
      void client.invalidateQueries({ queryKey: ['skills-sheet', contestantId] });
      void client.invalidateQueries({ queryKey: ['skills-queue'] });
    },
    onError: (e) => message.error(e instanceof ApiError ? e.message : String(e)),
  });
  const module = event.modules.find((m) => m.id === moduleId)!;
  const contestant = event.contestants.find((c) => c.id === contestantId);
  if (sheet.isLoading) return <Spin />;
  if (sheet.error) return <Alert type="error" showIcon message={(sheet.error as Error).message} />;
  const given = new Map((sheet.data?.marks ?? []).map((m) => [m.aspectId, m.value]));
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Button icon={<ArrowLeftOutlined />} onClick={onBack} data-testid="sheet-back">
          {t('skBack')}
        </Button>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="sheet-blind-code">
          {contestant?.blindCode}
        </Typography.Title>
      </Space>
      {module.locked && <Alert type="warning" showIcon icon={<LockOutlined />} message={t('skModuleLocked')} />}
      {module.aspects.map((a) => {
        const value = given.get(a.id);
        return (
          <Card key={a.id} size="small" data-testid="aspect-card" title={<span style={{ whiteSpace: 'normal' }}>{`${a.code} ${a.description}`}</span>} extra={value !== undefined && <CheckCircleFilled style={{ color: '#52c41a' }} data-testid="aspect-done" />}>
            <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
              {a.kind === 'J' ? t('skKindJ') : t('skKindM')} · {t('skMax')} {a.maxCenti / 100}
            </Typography.Text>
            {a.kind === 'J' ? (
              <>
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  size="large"
                  disabled={module.locked || mark.isPending}
                  value={value}
                  onChange={(e) => mark.mutate({ contestantId, aspectId: a.id, value: e.target.value as number })}
                  style={{ display: 'flex' }}
                  data-testid={`score-${a.code}`}
                >
                  {[0, 1, 2, 3].map((n) => (
                    <Radio.Button key={n} value={n} style={{ flex: 1, textAlign: 'center', height: 48, lineHeight: '46px', fontSize: 20 }}>
                      {n}
                    </Radio.Button>
                  ))}
                </Radio.Group>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('skScoreHint')}
                </Typography.Text>
              </>
            ) : (
              <Space.Compact style={{ width: '100%' }}>
                <InputNumber
                  size="large"
                  min={0}
                  max={a.maxCenti / 100}
                  step={0.5}
                  disabled={module.locked}
                  value={draft[a.id] ?? (value === undefined ? null : value / 100)}
                  onChange={(v) => setDraft({ ...draft, [a.id]: v })}
                  addonAfter={t('skPoints')}
                  style={{ width: '100%' }}
                  inputMode="decimal"
                  data-testid={`measure-${a.code}`}
                />
                <Button
                  size="large"
                  type="primary"
                  disabled={module.locked || draft[a.id] === undefined || draft[a.id] === null}
                  onClick={() => mark.mutate({ contestantId, aspectId: a.id, value: Math.round((draft[a.id] ?? 0) * 100) })}
                  data-testid={`save-${a.code}`}
                >
                  {t('skSave')}
                </Button>
              </Space.Compact>
            )}
          </Card>
        );
      })}
    </Space>
  );
}

function Queue({ event }: { event: QueueEvent }) {
  const { t } = useI18n();
  const [moduleId, setModuleId] = useState(event.modules[0]?.id);
  const [contestantId, setContestantId] = useState<number | null>(null);
  const total = event.modules.reduce((s, m) => s + m.aspects.length, 0);
  if (!event.modules.length) return <Empty description={t('skEmptyScheme')} />;
  const module = event.modules.find((m) => m.id === moduleId) ?? event.modules[0];
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Segmented
        block
        size="large"
        value={module.id}
        onChange={(v) => setModuleId(Number(v))}
        options={event.modules.map((m) => ({ value: m.id, label: <span data-testid={`module-${m.code}`}>{m.code}{m.locked ? ' 🔒' : ''}</span> }))}
      />
      <Typography.Text type="secondary">{`${module.code} ${module.name}`}</Typography.Text>
      {contestantId ? (
        <Sheet event={event} moduleId={module.id} contestantId={contestantId} onBack={() => setContestantId(null)} />
      ) : (
        <List
          header={<Typography.Text strong>{t('skContestantsToMark')}</Typography.Text>}
          dataSource={event.contestants}
          locale={{ emptyText: <Empty description={t('skEmptyContestants')} /> }}
          renderItem={(c) => (
            <List.Item onClick={() => setContestantId(c.id)} style={{ cursor: 'pointer', padding: '14px 8px' }} data-testid="queue-contestant" extra={<Tag color={c.marked >= total ? 'green' : c.marked ? 'blue' : 'default'}>{t('skMarked', { n: c.marked, total })}</Tag>}>
              <Typography.Text style={{ fontSize: 20 }} strong>
                {c.blindCode}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Space>
  );
}

export default function MarkPage() {
  const { t } = useI18n();
  const client = useQueryClient();
  const queue = useQuery({ queryKey: ['skills-queue'], queryFn: skillsApi.queue });
  const [eventId, setEventId] = useState<number | null>(null);
  if (queue.isLoading) return <Spin />;
  const events = queue.data?.events ?? [];
  if (!events.length) return <Empty description={t('skNoEvents')} />;
  const event = events.find((e) => e.id === eventId) ?? events[0];
  const marking = <Queue key={event.id} event={event} />;
  return (
    <div style={{ maxWidth: 560, margin: '0 auto' }} data-testid="mark-page">
      <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 8 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('skMarkTitle')}
        </Typography.Title>
        {events.length > 1 ? (
          <Select value={event.id} onChange={setEventId} options={events.map((e) => ({ value: e.id, label: e.name }))} style={{ minWidth: 180 }} />
        ) : (
          <Tag color="blue">{event.name}</Tag>
        )}
      </Space>
      {event.isChief ? (
        <Tabs
          items={[
            { key: 'mark', label: t('skMarkTitle'), children: marking },
            {
              key: 'chief',
              label: <span data-testid="chief-tab">{t('skChief')}</span>,
              children: (
                <Space direction="vertical" style={{ width: '100%' }}>
                  <ModuleSignOff modules={event.modules} onDone={() => void client.invalidateQueries({ queryKey: ['skills-queue'] })} />
                  <ModerationPanel eventId={event.id} />
                </Space>
              ),
            },
          ]}
        />
      ) : (
        marking
      )}
    </div>
  );
}
