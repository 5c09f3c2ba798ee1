import { useQuery } from '@tanstack/react-query';
import { Alert, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { useState } from 'react';
import type { CreateOpportunityInput, Opportunity } from '../../../shared/opportunities.js';
import { endpoints } from '../../api/endpoints.js';
import { applyFieldError, errorMessage } from '../../api/formErrors.js';
import { useRegions } from '../../api/useRegions.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useAuth } from '../auth/AuthProvider.js';
import { NodeTreeSelect } from '../enterprises/NodeTreeSelect.js';
import { opportunityApi } from './api.js';

interface Values {
  title: string;
  titleEn?: string;
  summary?: string;
  summaryEn?: string;
  regionCode?: string | null;
  chainId?: number | null;
  nodeId?: number | null;
  investmentWan?: number | null;
  landMu?: number | null;
  contact?: string;
  published?: boolean;
}

const FIELDS = ['title', 'titleEn', 'summary', 'summaryEn', 'regionCode', 'chainId', 'nodeId', 'investmentYuan', 'landMu', 'contact'];

function initialValues(offer: Opportunity | null, ownRegion: string | undefined): Values {
  if (!offer) return { title: '', regionCode: ownRegion ?? null, published: false };
  return {
    title: offer.title,
    titleEn: offer.titleEn,
    summary: offer.summary,
    summaryEn: offer.summaryEn,
    regionCode: offer.region?.code ?? null,
    chainId: offer.chain?.id ?? null,
    nodeId: offer.node?.id ?? null,
    investmentWan: offer.investmentYuan === null ? null : offer.investmentYuan / 10_000,
    landMu: offer.landMu,
    contact: offer.contact,
  };
}

/** Creates an offer (offer null) or edits one with the version it was read at. */
export function OfferFormModal({ offer, onClose, onSaved }: { offer: Opportunity | null; onClose: () => void; onSaved: () => void }) {
  const { t, field, lang } = useI18n();
  const { user } = useAuth();
  const { regions } = useRegions();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const clusters = useQuery({ queryKey: ['clusters'], queryFn: endpoints.clusters, staleTime: 60_000 });
  const isRegion = user?.role === 'region';
  const regionOptions = regions
    .filter((r) => r.kind !== 'prefecture' && (!isRegion || user!.regionCodes.includes(r.code)))
    .map((r) => ({ value: r.code, label: lang === 'en' ? r.nameEn : r.name }));
  const chainOptions = (clusters.data?.items ?? []).map((c) => ({ label: c.name, options: c.chains.map((ch) => ({ value: ch.id, label: ch.name })) }));

  const save = async (v: Values) => {
    setSaving(true);
    setError(null);
    const body: CreateOpportunityInput = {
      title: v.title,
      titleEn: v.titleEn ?? '',
      summary: v.summary ?? '',
      summaryEn: v.summaryEn ?? '',
      regionCode: v.regionCode ?? null,
      chainId: v.chainId ?? null,
      nodeId: v.nodeId ?? null,
      investmentYuan: v.investmentWan == null ? null : Math.round(v.investmentWan * 10_000),
      landMu: v.landMu ?? null,
      contact: v.contact ?? '',
    };
    try {
      if (offer) await opportunityApi.update(offer.id, { ...body, version: offer.version });
      else await opportunityApi.create({ ...body, published: v.published ?? false });
      onSaved();
    } catch (err) {
      if (applyFieldError(form, err, FIELDS, { investmentYuan: 'investmentWan' })) return;
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={offer ? t('editOffer') : t('newOffer')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('save')}
      okButtonProps={{ 'data-testid': 'offer-save' } as never}
      confirmLoading={saving}
      destroyOnHidden
      width={640}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="offer-error" />}
      <Form<Values> form={form} layout="vertical" initialValues={initialValues(offer, isRegion ? user!.regionCodes[0] : undefined)} onFinish={save}>
        <Form.Item name="title" label={field('title')} rules={[{ required: true, whitespace: true, message: t('required', { field: field('title') }) }, { max: 200, message: t('tooLong', { n: 200 }) }]}>
          <Input data-testid="offer-title" />
        </Form.Item>
        <Form.Item name="titleEn" label={field('titleEn')} extra={t('englishHint')} rules={[{ max: 200, message: t('tooLong', { n: 200 }) }]}>
          <Input data-testid="offer-title-en" />
        </Form.Item>
        <Form.Item name="summary" label={field('summary')} rules={[{ max: 2000, message: t('tooLong', { n: 2000 }) }]}>
          <Input.TextArea rows={3} showCount maxLength={2000} />
        </Form.Item>
        <Form.Item name="summaryEn" label={field('summaryEn')} rules={[{ max: 2000, message: t('tooLong', { n: 2000 }) }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="regionCode" label={field('regionCode')} rules={isRegion ? [{ required: true, message: t('required', { field: field('regionCode') }) }] : []}>
          <Select allowClear={!isRegion} placeholder={t('prefectureWide')} options={regionOptions} data-testid="offer-region" />
        </Form.Item>
        <Form.Item name="chainId" label={field('chainId')}>
          <Select allowClear showSearch optionFilterProp="label" options={chainOptions} />
        </Form.Item>
        <Form.Item name="nodeId" label={field('nodeId')}>
          <NodeTreeSelect multiple={false} testId="offer-node" />
        </Form.Item>
        <Form.Item name="investmentWan" label={t('investmentWanInput')}>
          <InputNumber style={{ width: '100%' }} min={0} max={100_000_000} precision={0} />
        </Form.Item>
        <Form.Item name="landMu" label={field('landMu')}>
          <InputNumber style={{ width: '100%' }} min={0} max={1_000_000} />
        </Form.Item>
        <Form.Item name="contact" label={field('contact')} rules={[{ max: 200, message: t('tooLong', { n: 200 }) }]}>
          <Input />
        </Form.Item>
        {!offer && (
          <Form.Item name="published" label={field('published')} valuePropName="checked">
            <Switch data-testid="offer-published" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
