import { useMutation } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import type { Lead } from '../../../shared/leads.js';
import type { LeadStatus } from '../../../shared/lead-status.js';
import { endpoints } from '../../api/endpoints.js';
import { applyFieldError, errorMessage } from '../../api/formErrors.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useLeadLabels } from './labels.js';
import { useLeadRefresh } from './useLeadMutations.js';

/** Confirms a status change: asks why when a lead is lost, and takes an optional note otherwise. */
export function LeadMoveModal({ lead, to, onClose }: { lead: Lead; to: LeadStatus; onClose: () => void }) {
  const { t } = useI18n();
  const { status } = useLeadLabels();
  const { message } = App.useApp();
  const { refresh, onConflict } = useLeadRefresh();
  const [form] = Form.useForm<{ reason?: string; note?: string }>();
  const [error, setError] = useState<string | null>(null);
  const lost = to === 'lost';
  const reopening = lead.status === 'lost';

  const mutation = useMutation({
    mutationFn: (v: { reason?: string; note?: string }) =>
      endpoints.transitionLead(lead.id, { to, version: lead.version, reason: v.reason?.trim() || undefined, note: v.note?.trim() || undefined }),
    onSuccess: () => {
      message.success(t('lpMoved', { status: status(to) }));
      refresh(lead.id);
      onClose();
    },
    onError: (err) => {
      if (onConflict(err, lead.id)) return onClose();
      if (!applyFieldError(form, err, ['reason', 'note'])) setError(errorMessage(err));
    },
  });

  const title = lost ? t('lpLostTitle') : reopening ? t('lpReopen', { status: status(to) }) : t('lpMoveTo', { status: status(to) });
  return (
    <Modal
      open
      title={`${title} · ${lead.enterprise.name}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('confirm')}
      okButtonProps={{ danger: lost, loading: mutation.isPending, ...({ 'data-testid': 'move-submit' } as object) }}
      cancelText={t('cancel')}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="move-error" />}
      <Form form={form} layout="vertical" onFinish={(v) => mutation.mutate(v)} onValuesChange={() => setError(null)}>
        {lost ? (
          <Form.Item name="reason" label={t('lpLostReason')} rules={[{ required: true, whitespace: true, message: t('lpLostReasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={1000} showCount data-testid="move-reason" autoFocus />
          </Form.Item>
        ) : (
          <Form.Item name="note" label={t('lpMoveNote')}>
            <Input.TextArea rows={3} maxLength={1000} showCount data-testid="move-note" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
