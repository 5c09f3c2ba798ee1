import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Form, Input, List, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { JURY_DECISION_LABELS, JURY_DECISIONS, type ContestDetail } from '../../../shared/livestream.js';
import type { Flag } from '../../../shared/livestream-board.js';
import { errorMessage } from '../../api/formErrors.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useAuth } from '../auth/AuthProvider.js';
import { livestreamApi } from './api.js';
import { beijingTime, yuan } from './labels.js';

export function FlagsTab({ contest }: { contest: ContestDetail }) {
  const { t, lang } = useI18n();
  const { user } = useAuth();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [noting, setNoting] = useState<Flag | null>(null);
  const [form] = Form.useForm();
  const flags = useQuery({ queryKey: ['ls-flags', contest.id], queryFn: () => livestreamApi.flags(contest.id) });
  const canNote = user?.role !== 'leader';
  return (
    <Card size="small">
      <Typography.Paragraph type="secondary">{t('lsFlagsIntro', { pct: flags.data?.thresholdPct ?? contest.concentrationPct })}</Typography.Paragraph>
      {flags.isError && <Alert type="error" showIcon message={flags.error.message} />}
      <List
        loading={flags.isFetching}
        dataSource={flags.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('lsFlagsEmpty')} /> }}
        renderItem={(f) => (
          <List.Item data-testid="ls-flag" actions={canNote ? [<Button key="note" onClick={() => setNoting(f)}>{t('lsFlagAddNote')}</Button>] : []}>
            <List.Item.Meta
              title={<Space wrap>{f.name}<Typography.Text type="secondary">{f.accountName}</Typography.Text><Tag color="red">{t('lsFlagShare')} {f.sharePct}%</Tag></Space>}
              description={
                <Space direction="vertical" size={2}>
                  <span>{t('lsBuyerId')} {f.buyerId} · {t('lsFlagBuyerNet')} {yuan(f.buyerNetFen)} · {t('lsOrders')} {f.orders} · {t('lsFlagContestantNet')} {yuan(f.contestantNetFen)}</span>
                  {f.notes.map((n) => (
                    <span key={n.id}><Tag>{JURY_DECISION_LABELS[n.decision][lang]}</Tag>{n.note}({n.by ?? ''} {beijingTime(n.at)})</span>
                  ))}
                </Space>
              }
            />
          </List.Item>
        )}
      />
      <Modal open={noting !== null} title={t('lsFlagAddNote')} onCancel={() => setNoting(null)} onOk={() => form.submit()} okText={t('lsSave')} cancelText={t('lsCancel')} destroyOnHidden>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ decision: 'watch' }}
          onFinish={async (v) => {
            if (!noting) return;
            try {
              await livestreamApi.juryNote(contest.id, { contestantId: noting.contestantId, buyerId: noting.buyerId, decision: v.decision, note: v.note });
              setNoting(null);
              form.resetFields();
              await queryClient.invalidateQueries({ queryKey: ['ls-flags', contest.id] });
              await queryClient.invalidateQueries({ queryKey: ['ls-board', contest.id] });
            } catch (err) {
              message.error(errorMessage(err));
            }
          }}
        >
          <Form.Item name="decision" label={t('lsFlagDecision')}>
            <Select options={JURY_DECISIONS.map((d) => ({ value: d, label: JURY_DECISION_LABELS[d][lang] }))} />
          </Form.Item>
          <Form.Item name="note" label={t('lsFlagNote')} rules={[{ required: true, message: t('lsFlagNoteRequired') }]}><Input.TextArea rows={3} maxLength={1000} /></Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
