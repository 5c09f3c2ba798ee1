import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Empty, Form, Input, Select, Space, Timeline, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { formatTimestamp, todayInShanghai } from '../../../shared/format.js';
import { LEAD_ACTIVITY_KINDS, type Lead, type LeadActivity } from '../../../shared/leads.js';
import { endpoints } from '../../api/endpoints.js';
import { applyFieldError, errorMessage } from '../../api/formErrors.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useLeadLabels } from './labels.js';
import { useLeadRefresh } from './useLeadMutations.js';

interface Values {
  kind: LeadActivity['kind'];
  occurredOn: Dayjs;
  people?: string;
  summary: string;
}

/** The lead's visits, calls, meetings, notes and status changes, newest first, with a form to add one. */
export function ActivityLog({ lead, canWrite }: { lead: Lead; canWrite: boolean }) {
  const { t, field } = useI18n();
  const labels = useLeadLabels();
  const { message } = App.useApp();
  const { refresh } = useLeadRefresh();
  const [form] = Form.useForm<Values>();
  const today = dayjs(todayInShanghai());
  const log = useQuery({ queryKey: ['lead-activities', lead.id], queryFn: () => endpoints.leadActivities(lead.id) });

  const add = useMutation({
    mutationFn: (v: Values) =>
      endpoints.addLeadActivity(lead.id, {
        kind: v.kind as (typeof LEAD_ACTIVITY_KINDS)[number],
        occurredOn: v.occurredOn.format('YYYY-MM-DD'),
        people: v.people?.trim() || undefined,
        summary: v.summary.trim(),
      }),
    onSuccess: () => {
      message.success(t('lpActivityAdded'));
      form.resetFields(['people', 'summary']);
      refresh(lead.id);
    },
    onError: (err) => {
      if (!applyFieldError(form, err, ['kind', 'occurredOn', 'people', 'summary'])) message.error(errorMessage(err));
    },
  });

  const items = (log.data?.items ?? []).map((a) => ({
    key: a.id,
    color: a.kind === 'status' ? 'blue' : 'gray',
    children: (
      <div data-testid="lead-activity">
        <Space size={8} wrap>
          <Typography.Text strong>{a.occurredOn}</Typography.Text>
          <Typography.Text>{labels.activity(a.kind)}</Typography.Text>
          {a.kind === 'status' && a.fromStatus && a.toStatus && (
            <Typography.Text data-testid="lead-activity-status">{t('lpStatusChange', { from: labels.status(a.fromStatus), to: labels.status(a.toStatus) })}</Typography.Text>
          )}
        </Space>
        {a.summary && <div>{a.summary}</div>}
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
          {[a.people, a.actor, formatTimestamp(a.at)].filter(Boolean).join(' · ')}
        </Typography.Text>
      </div>
    ),
  }));

  return (
    <Card size="small" title={t('lpActivities')} data-testid="lead-activities">
      {canWrite && (
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ kind: 'visit', occurredOn: today }}
          onFinish={(v) => add.mutate(v)}
          style={{ marginBottom: 16 }}
        >
          <Space wrap align="start" size={8}>
            <Form.Item name="kind" label={field('kind')} style={{ marginBottom: 8 }}>
              <Select style={{ width: 110 }} data-testid="activity-kind" options={LEAD_ACTIVITY_KINDS.map((k) => ({ value: k, label: labels.activity(k) }))} />
            </Form.Item>
            <Form.Item name="occurredOn" label={field('occurredOn')} rules={[{ required: true, message: t('required', { field: field('occurredOn') }) }]} style={{ marginBottom: 8 }}>
              <DatePicker allowClear={false} disabledDate={(d) => d.isAfter(today, 'day')} data-testid="activity-date" />
            </Form.Item>
            <Form.Item name="people" label={field('people')} style={{ marginBottom: 8 }}>
              <Input maxLength={200} style={{ width: 220 }} data-testid="activity-people" />
            </Form.Item>
          </Space>
          <Form.Item name="summary" label={field('summary')} rules={[{ required: true, whitespace: true, message: t('required', { field: field('summary') }) }]} style={{ marginBottom: 8 }}>
            <Input.TextArea rows={2} maxLength={2000} showCount data-testid="activity-summary" />
          </Form.Item>
          <Button htmlType="submit" loading={add.isPending} data-testid="activity-submit">
            {t('lpAddActivity')}
          </Button>
        </Form>
      )}
      {items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('lpNoActivities')} /> : <Timeline items={items} />}
    </Card>
  );
}
