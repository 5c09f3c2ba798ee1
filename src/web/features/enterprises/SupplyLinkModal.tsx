import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { Enterprise } from '../../../shared/enterprises.js';
import { endpoints } from '../../api/endpoints.js';
import { applyFieldError, errorMessage } from '../../api/formErrors.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { EnterprisePicker } from './EnterprisePicker.js';

interface Values {
  direction: 'supplies' | 'buys';
  otherId?: number;
  product: string;
  volume?: number | null;
  unit?: string;
  source?: string;
  date?: Dayjs | null;
}

/** Adds a supply link with this enterprise on one side: it supplies the other, or buys from it. */
export function SupplyLinkModal({ enterprise, onClose }: { enterprise: Enterprise; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const direction = Form.useWatch('direction', form) ?? 'supplies';

  const save = useMutation({
    mutationFn: (v: Values) => {
      const other = v.otherId!;
      return endpoints.createSupplyLink({
        supplierId: v.direction === 'supplies' ? enterprise.id : other,
        customerId: v.direction === 'supplies' ? other : enterprise.id,
        product: v.product.trim(),
        volume: v.volume ?? null,
        unit: v.unit?.trim() || undefined,
        source: v.source?.trim() || undefined,
        date: v.date ? v.date.format('YYYY-MM-DD') : null,
      });
    },
    onSuccess: () => {
      message.success(t('linkAdded'));
      void qc.invalidateQueries({ queryKey: ['enterprise-links', enterprise.id] });
      void qc.invalidateQueries({ queryKey: ['targets'] });
      onClose();
    },
    onError: (err) => {
      const renamed = applyFieldError(form, err, ['supplierId', 'customerId', 'product', 'volume', 'unit', 'source', 'date'], {
        supplierId: 'otherId',
        customerId: 'otherId',
      });
      if (!renamed) setError(errorMessage(err));
    },
  });

  return (
    <Modal open title={t('addSupplyLink')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okText={t('save')} destroyOnHidden>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ direction: 'supplies' }}
        onFinish={(v) => {
          setError(null);
          save.mutate(v);
        }}
      >
        <Form.Item name="direction" label={t('linkDirection')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'supplies', label: t('suppliesTo') },
              { value: 'buys', label: t('buysFrom') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="otherId"
          label={direction === 'supplies' ? t('customer') : t('supplier')}
          rules={[{ required: true, message: t('pickEnterprise') }]}
        >
          <EnterprisePicker excludeId={enterprise.id} testId="link-enterprise" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="product" label={t('product')} rules={[{ required: true, whitespace: true, message: t('required', { field: t('product') }) }]}>
              <Input maxLength={100} placeholder={t('productPlaceholder')} data-testid="link-product" />
            </Form.Item>
          </Col>
          <Col xs={14} sm={7}>
            <Form.Item name="volume" label={t('volume')}>
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={10} sm={5}>
            <Form.Item name="unit" label={t('unit')}>
              <Input maxLength={20} placeholder={t('unitPlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="date" label={t('linkDate')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="source" label={t('linkSource')}>
              <Input maxLength={200} placeholder={t('sourcePlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
