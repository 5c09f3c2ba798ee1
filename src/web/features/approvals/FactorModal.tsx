import { useMutation } from '@tanstack/react-query';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { BLOCKABLE_STAGES, FACTOR_DEFAULT_BLOCKS, type Factor } from '../../../shared/approvals.js';
import { todayInShanghai } from '../../../shared/format.js';
import { FACTOR_KINDS, type FactorKind } from '../../../shared/service-catalog.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { approvalApi } from './api.js';
import { useModalSave } from './useModalSave.js';
import { factorName, factorUnit } from './labels.js';

interface Values {
  kind: FactorKind;
  requiredAmount: number;
  securedAmount: number;
  neededBy?: Dayjs | null;
  securedOn?: Dayjs | null;
  blocksStage: Factor['blocksStage'];
  note?: string;
}

const FIELDS = ['requiredAmount', 'securedAmount', 'neededBy', 'securedOn', 'blocksStage', 'note'];
const text = (v: Dayjs | null | undefined) => (v ? v.format('YYYY-MM-DD') : null);

/** Records a factor the project lacks, or updates one (required against secured, with dates). */
export function FactorModal(props: { projectId: number; factor: Factor | null; taken: FactorKind[]; onClose: () => void; onSaved: () => void }) {
  const { factor } = props;
  const { t, lang, stage } = useI18n();
  const [form] = Form.useForm<Values>();
  const save = useModalSave(form, FIELDS, props);
  const today = dayjs(todayInShanghai());
  const kind = Form.useWatch('kind', form) ?? factor?.kind;

  const mutation = useMutation({
    mutationFn: (v: Values) =>
      approvalApi.putFactor(props.projectId, factor?.kind ?? v.kind, {
        version: factor?.version,
        requiredAmount: v.requiredAmount,
        securedAmount: v.securedAmount ?? 0,
        neededBy: text(v.neededBy),
        securedOn: text(v.securedOn),
        blocksStage: v.blocksStage,
        note: v.note?.trim() ?? '',
      }),
    onSuccess: save.onSuccess,
    onError: save.onError,
  });

  const free = FACTOR_KINDS.filter((k) => !props.taken.includes(k));
  return (
    <Modal
      open
      title={factor ? `${t('apEdit')}:${factorName(factor.kind, lang)}` : t('apAddFactor')}
      onCancel={props.onClose}
      onOk={save.submit}
      okButtonProps={{ loading: mutation.isPending, 'data-testid': 'factor-save' } as ButtonProps}
      destroyOnHidden
    >
      {save.error && <Alert type="error" showIcon message={save.error} style={{ marginBottom: 12 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => mutation.mutate(v)}
        onValuesChange={(changed: Partial<Values>) => {
          save.clearError();
          if (changed.kind && !factor) form.setFieldValue('blocksStage', FACTOR_DEFAULT_BLOCKS[changed.kind]);
        }}
        initialValues={
          factor
            ? { kind: factor.kind, requiredAmount: factor.requiredAmount, securedAmount: factor.securedAmount, neededBy: factor.neededBy ? dayjs(factor.neededBy) : null, securedOn: factor.securedOn ? dayjs(factor.securedOn) : null, blocksStage: factor.blocksStage, note: factor.note }
            : { kind: free[0], securedAmount: 0, blocksStage: free[0] ? FACTOR_DEFAULT_BLOCKS[free[0]] : 'started' }
        }
      >
        <Form.Item name="kind" label={t('apFactorKind')} rules={[{ required: true }]}>
          <Select disabled={!!factor} options={(factor ? [factor.kind] : free).map((k) => ({ value: k, label: factorName(k, lang) }))} data-testid="factor-kind" />
        </Form.Item>
        <Form.Item name="requiredAmount" label={`${t('apRequired')}(${kind ? factorUnit(kind, lang) : ''})`} rules={[{ required: true, message: t('apRequired') }]}>
          <InputNumber min={0} style={{ width: '100%' }} data-testid="factor-required" />
        </Form.Item>
        <Form.Item name="securedAmount" label={`${t('apSecured')}(${kind ? factorUnit(kind, lang) : ''})`}>
          <InputNumber min={0} style={{ width: '100%' }} data-testid="factor-secured" />
        </Form.Item>
        <Form.Item name="blocksStage" label={t('apBlocksStage')} rules={[{ required: true }]}>
          <Select options={BLOCKABLE_STAGES.map((s) => ({ value: s, label: stage(s) }))} />
        </Form.Item>
        <Form.Item name="neededBy" label={t('apNeededBy')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="securedOn" label={t('apSecuredOn')}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(today, 'day')} />
        </Form.Item>
        <Form.Item name="note" label={t('apNote')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
