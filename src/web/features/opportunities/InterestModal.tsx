import { Alert, Button, Form, Input, InputNumber, Modal, Result, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { EMAIL_PATTERN, INTEREST_LIMITS, PHONE_PATTERN } from '../../../shared/interest-rules.js';
import type { PublicInterestInput } from '../../../shared/opportunities.js';
import { ApiError } from '../../api/client.js';
import { applyFieldError, errorMessage } from '../../api/formErrors.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { opportunityApi } from './api.js';

/** What the visitor is interested in: a park offer or a gap node, and how to name it. */
export interface InterestTarget {
  opportunityId?: number;
  nodeId?: number;
  label: string;
}

interface Values {
  companyName: string;
  contactName: string;
  phone?: string;
  email?: string;
  estimatedInvestmentWan?: number | null;
  message?: string;
  website?: string;
}

const FIELDS = ['companyName', 'contactName', 'phone', 'email', 'estimatedInvestmentWan', 'message'];

/** The honeypot: off-screen and out of the tab order, so only a form-filling bot types into it. */
const hidden = { position: 'absolute', left: -10_000, width: 1, height: 1, overflow: 'hidden' } as const;

export function InterestModal({ target, onClose }: { target: InterestTarget | null; onClose: () => void }) {
  const { t, field } = useI18n();
  const [form] = Form.useForm<Values>();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<{ message: string; rateLimited: boolean } | null>(null);
  const [done, setDone] = useState(false);

  useEffect(() => {
    if (!target) return;
    setDone(false);
    setError(null);
  }, [target]);

  const max = (n: number) => ({ max: n, message: t('tooLong', { n }) });
  const required = (name: string) => ({ required: true, whitespace: true, message: t('required', { field: field(name) }) });

  const submit = async (v: Values) => {
    if (!target) return;
    setSending(true);
    setError(null);
    const body: PublicInterestInput = {
      ...(target.opportunityId ? { opportunityId: target.opportunityId } : { nodeId: target.nodeId }),
      companyName: v.companyName,
      contactName: v.contactName,
      phone: v.phone?.trim() ?? '',
      email: v.email?.trim() ?? '',
      estimatedInvestmentWan: v.estimatedInvestmentWan ?? null,
      message: v.message ?? '',
      website: v.website ?? '',
    };
    try {
      await opportunityApi.submitInterest(body);
      setDone(true);
      form.resetFields();
    } catch (err) {
      if (applyFieldError(form, err, FIELDS)) return;
      setError({ message: errorMessage(err), rateLimited: err instanceof ApiError && err.status === 429 });
    } finally {
      setSending(false);
    }
  };

  return (
    <Modal
      open={target !== null}
      onCancel={onClose}
      title={t('expressInterest')}
      footer={null}
      destroyOnHidden
      width={560}
      data-testid="interest-modal"
    >
      {done ? (
        <div data-testid="interest-thanks">
          <Result
            status="success"
            title={t('interestThanksTitle')}
            subTitle={t('interestThanksBody')}
            extra={<Button type="primary" onClick={onClose}>{t('interestAnother')}</Button>}
          />
        </div>
      ) : (
        <>
          <Typography.Paragraph>
            {t('interestFor')}<Typography.Text strong data-testid="interest-target">{target?.label}</Typography.Text>
          </Typography.Paragraph>
          {error && (
            <Alert
              type="error"
              showIcon
              message={error.rateLimited ? t('interestRateLimited') : error.message}
              description={error.rateLimited ? error.message : undefined}
              style={{ marginBottom: 12 }}
              data-testid="interest-error"
            />
          )}
          <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark="optional" data-testid="interest-form">
            <Form.Item name="companyName" label={field('companyName')} rules={[required('companyName'), max(INTEREST_LIMITS.companyName)]}>
              <Input autoComplete="organization" data-testid="interest-company" />
            </Form.Item>
            <Form.Item name="contactName" label={field('contactName')} rules={[required('contactName'), max(INTEREST_LIMITS.contactName)]}>
              <Input autoComplete="name" data-testid="interest-contact" />
            </Form.Item>
            <Form.Item
              name="phone"
              label={field('phone')}
              dependencies={['email']}
              rules={[
                max(INTEREST_LIMITS.phone),
                { pattern: PHONE_PATTERN, message: t('phoneInvalid') },
                ({ getFieldValue }) => ({
                  validator: (_, value?: string) =>
                    value?.trim() || getFieldValue('email')?.trim() ? Promise.resolve() : Promise.reject(new Error(t('contactRequired'))),
                }),
              ]}
            >
              <Input type="tel" autoComplete="tel" data-testid="interest-phone" />
            </Form.Item>
            <Form.Item name="email" label={field('email')} rules={[max(INTEREST_LIMITS.email), { pattern: EMAIL_PATTERN, message: t('emailInvalid') }]}>
              <Input type="email" autoComplete="email" data-testid="interest-email" />
            </Form.Item>
            <Form.Item
              name="estimatedInvestmentWan"
              label={field('estimatedInvestmentWan')}
              rules={[{ type: 'integer', min: 1, max: INTEREST_LIMITS.investmentWan, message: t('investmentRange', { max: INTEREST_LIMITS.investmentWan }) }]}
            >
              <InputNumber style={{ width: '100%' }} min={1} max={INTEREST_LIMITS.investmentWan} precision={0} data-testid="interest-investment" />
            </Form.Item>
            <Form.Item name="message" label={field('message')} rules={[max(INTEREST_LIMITS.message)]}>
              <Input.TextArea rows={3} showCount maxLength={INTEREST_LIMITS.message} data-testid="interest-message" />
            </Form.Item>
            <div style={hidden} aria-hidden="true">
              <Form.Item name="website" label={field('website')}>
                <Input tabIndex={-1} autoComplete="off" />
              </Form.Item>
            </div>
            <Typography.Paragraph type="secondary">{t('interestHint')}</Typography.Paragraph>
            <Button type="primary" htmlType="submit" block loading={sending} data-testid="interest-submit">
              {t('interestSubmit')}
            </Button>
          </Form>
        </>
      )}
    </Modal>
  );
}
