import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Form, Input, InputNumber, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { MODERATION_METHODS, type ModerationItem, type SkillsModule } from '../../../shared/skills.js';
import { formatCenti } from '../../../shared/skills-format.js';
import { ApiError } from '../../api/client.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { skillsApi } from './api.js';

// The chief judge's (and the organiser's) desk: aspects whose spread exceeds the tolerance, each
// moderated with a method and a reason, and each module's sign-off or audited unlock.

function ModerationCard({ item, onDone }: { item: ModerationItem; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const method = Form.useWatch('method', form);
  const submit = useMutation({
    mutationFn: (v: { method: (typeof MODERATION_METHODS)[number]; judgeId?: number; value?: number; reason: string }) =>
      skillsApi.moderate({ contestantId: item.contestantId, aspectId: item.aspectId, method: v.method, judgeId: v.judgeId, value: v.value === undefined ? undefined : Math.round(v.value * 100), reason: v.reason }),
    onSuccess: () => {
      message.success(t('skModerated'));
      onDone();
    },
    onError: (e) => message.error(e instanceof ApiError ? e.message : String(e)),
  });
  return (
    <Card size="small" data-testid="moderation-item" title={`${item.blindCode} · ${item.aspectCode}`} extra={<Tag color="orange">{t('skSpread')} {item.kind === 'J' ? item.spread : formatCenti(item.spread)}</Tag>}>
      <Space wrap style={{ marginBottom: 8 }}>
        {item.entries.map((e) => (
          <Tag key={e.judgeId}>
            {e.judge}: {item.kind === 'J' ? e.value : formatCenti(e.value)}
          </Tag>
        ))}
      </Space>
      {item.moderation && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('skModerated')}:{t(`skMethod_${item.moderation.method}` as 'skMethod_mean')} → {formatCenti(item.moderation.markCenti)} · {item.moderation.reason}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" size="middle" initialValues={{ method: 'median' }} onFinish={(v) => submit.mutate(v)}>
        <Form.Item name="method" label={t('skMethod')} rules={[{ required: true }]}>
          <Select options={MODERATION_METHODS.map((m) => ({ value: m, label: t(`skMethod_${m}` as 'skMethod_mean') }))} />
        </Form.Item>
        {method === 'judge' && (
          <Form.Item name="judgeId" label={t('skPickJudge')} rules={[{ required: true }]}>
            <Select options={item.entries.map((e) => ({ value: e.judgeId, label: `${e.judge}: ${item.kind === 'J' ? e.value : formatCenti(e.value)}` }))} />
          </Form.Item>
        )}
        {method === 'remark' && (
          <Form.Item name="value" label={t('skRemarkValue')} rules={[{ required: true }]}>
            <InputNumber min={0} max={item.kind === 'J' ? 3 : item.maxCenti / 100} step={item.kind === 'J' ? 1 : 0.5} style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('skReason')} rules={[{ required: true, min: 2 }]}>
          <Input.TextArea rows={2} maxLength={500} data-testid="moderation-reason" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submit.isPending} data-testid="moderation-submit">
          {t('skModerate')}
        </Button>
      </Form>
    </Card>
  );
}

export function ModuleSignOff({ modules, onDone }: { modules: SkillsModule[]; onDone: () => void }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const run = (p: Promise<unknown>) =>
    p.then(
      () => {
        message.success(t('skSaved'));
        onDone();
      },
      (e: unknown) => message.error(e instanceof ApiError ? e.message : String(e)),
    );
  const unlock = (m: SkillsModule) => {
    let reason = '';
    modal.confirm({
      title: `${t('skUnlock')} ${m.code} ${m.name}`,
      content: <Input.TextArea rows={3} placeholder={t('skUnlockReason')} onChange={(e) => (reason = e.target.value)} data-testid="unlock-reason" />,
      onOk: () => run(skillsApi.unlock(m.id, reason)),
    });
  };
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={modules}
      columns={[
        { title: t('skModule'), render: (_, m) => `${m.code} ${m.name}` },
        { title: t('skMax'), render: (_, m) => formatCenti(m.maxCenti), width: 70 },
        { title: '', width: 90, render: (_, m) => (m.locked ? <Tag color="green">{t('skLocked')}</Tag> : <Tag>{t('skOpen')}</Tag>) },
        {
          title: '',
          width: 110,
          render: (_, m) =>
            m.locked ? (
              <Button size="small" onClick={() => unlock(m)} data-testid="module-unlock">
                {t('skUnlock')}
              </Button>
            ) : (
              <Popconfirm title={t('skSignOffConfirm')} onConfirm={() => run(skillsApi.signOff(m.id))}>
                <Button size="small" type="primary" data-testid="module-sign-off">
                  {t('skSignOff')}
                </Button>
              </Popconfirm>
            ),
        },
      ]}
    />
  );
}

export function ModerationPanel({ eventId }: { eventId: number }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const items = useQuery({ queryKey: ['skills-moderation', eventId], queryFn: () => skillsApi.moderation(eventId) });
  const [showDone, setShowDone] = useState(false);
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ['skills-moderation', eventId] });
    void client.invalidateQueries({ queryKey: ['skills-results', eventId] });
  };
  const list = (items.data?.items ?? []).filter((i) => showDone || !i.moderation);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Typography.Text strong>{t('skModeration')}</Typography.Text>
        <Button size="small" type="link" onClick={() => setShowDone(!showDone)}>
          {showDone ? t('skHideModerated') : t('skShowModerated')}
        </Button>
      </Space>
      {list.length ? list.map((item) => <ModerationCard key={`${item.contestantId}-${item.aspectId}`} item={item} onDone={refresh} />) : <Empty description={t('skModerationEmpty')} />}
    </Space>
  );
}
