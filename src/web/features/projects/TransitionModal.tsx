import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Popconfirm, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { todayInShanghai } from '../../../shared/format.js';
import type { Project } from '../../../shared/projects.js';
import type { AnyStage, Stage } from '../../../shared/stages.js';
import { ApiError } from '../../api/client.js';
import { endpoints } from '../../api/endpoints.js';
import { applyFieldError, errorMessage } from '../../api/formErrors.js';
import { useI18n } from '../../i18n/I18nProvider.js';

export type TransitionMode =
  | { kind: 'advance'; to: Stage }
  | { kind: 'terminate' }
  | { kind: 'rollback'; targets: Stage[] };

interface Values {
  to?: Stage;
  date: Dayjs;
  note?: string;
  reason?: string;
}

const FIELDS = ['to', 'date', 'note', 'reason'];

export function TransitionModal({
  project,
  mode,
  onClose,
}: {
  project: Project;
  mode: TransitionMode;
  onClose: () => void;
}) {
  const { t, stage, field } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  // Shanghai's today, not the browser's: the server judges "not in the future" in Asia/Shanghai.
  const today = dayjs(todayInShanghai());

  const mutation = useMutation({
    mutationFn: (v: Values) => {
      const to: AnyStage = mode.kind === 'advance' ? mode.to : mode.kind === 'terminate' ? 'terminated' : v.to!;
      return endpoints.transition(project.id, {
        to,
        date: v.date.format('YYYY-MM-DD'),
        note: v.note?.trim() || undefined,
        reason: v.reason?.trim() || undefined,
      });
    },
    onSuccess: (p) => {
      qc.setQueryData(['project', p.id], p);
      void qc.invalidateQueries({ queryKey: ['history', p.id] });
      // A new stage changes which approvals and factors are due (the 审批与要素 tab's banner).
      void qc.invalidateQueries({ queryKey: ['project-services', p.id] });
      void qc.invalidateQueries({ queryKey: ['projects'] });
      void qc.invalidateQueries({ queryKey: ['dashboard'] });
      message.success(t('transitionDone'));
      onClose();
    },
    onError: (err) => {
      if (!applyFieldError(form, err, FIELDS)) setError(errorMessage(err));
      // Someone else moved the project meanwhile: show the fresh state behind the dialog.
      if (err instanceof ApiError && err.status === 409) void qc.invalidateQueries({ queryKey: ['project', project.id] });
    },
  });

  const title =
    mode.kind === 'advance'
      ? t('advanceTo', { stage: stage(mode.to) })
      : mode.kind === 'terminate'
        ? t('terminate')
        : t('rollback');

  const submit = () => {
    setError(null);
    form.submit();
  };
  const submitButton = (
    <Button
      type="primary"
      danger={mode.kind !== 'advance'}
      loading={mutation.isPending}
      data-testid="transition-submit"
      onClick={mode.kind === 'terminate' ? undefined : submit}
    >
      {mode.kind === 'advance' ? t('confirm') : title}
    </Button>
  );

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('cancel')}
        </Button>,
        mode.kind === 'terminate' ? (
          // Termination ends the project for everyone but an admin, so it asks once more.
          <Popconfirm key="ok" title={t('terminateConfirm')} onConfirm={submit} okButtonProps={{ danger: true }}>
            {submitButton}
          </Popconfirm>
        ) : (
          <span key="ok">{submitButton}</span>
        ),
      ]}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="transition-error" />}
      <Form<Values>
        form={form}
        name="transition"
        layout="vertical"
        initialValues={{ date: today }}
        onFinish={(v) => mutation.mutate(v)}
        onValuesChange={() => setError(null)}
      >
        {mode.kind === 'rollback' && (
          <Form.Item name="to" label={t('rollbackTarget')} rules={[{ required: true, message: t('targetRequired') }]}>
            <Select
              data-testid="transition-to"
              options={mode.targets.map((s) => ({ value: s, label: stage(s) }))}
            />
          </Form.Item>
        )}
        <Form.Item name="date" label={field('date')} rules={[{ required: true, message: t('dateRequired') }]}>
          <DatePicker
            style={{ width: '100%' }}
            data-testid="transition-date"
            disabledDate={(d) => d.isAfter(today, 'day')}
            allowClear={false}
          />
        </Form.Item>
        {mode.kind === 'advance' ? (
          <Form.Item name="note" label={field('note')}>
            <Input.TextArea rows={3} maxLength={1000} showCount data-testid="transition-note" />
          </Form.Item>
        ) : (
          <Form.Item
            name="reason"
            label={field('reason')}
            rules={[{ required: true, whitespace: true, message: t('reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={1000} showCount data-testid="transition-reason" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
