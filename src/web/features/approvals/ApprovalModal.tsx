import { useMutation } from '@tanstack/react-query';
import { Alert, DatePicker, Form, Input, Modal, Select, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { APPROVAL_MOVES, BLOCKABLE_STAGES, type ApprovalItem, type UpdateApprovalInput } from '../../../shared/approvals.js';
import { todayInShanghai } from '../../../shared/format.js';
import { APPROVAL_STATUS_LABELS, type ApprovalStatus } from '../../../shared/service-catalog.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { approvalApi } from './api.js';
import { useModalSave } from './useModalSave.js';

interface Department {
  code: string;
  name: string;
  nameEn: string;
}

interface Values {
  name?: string;
  departmentCode?: string;
  blocksStage?: ApprovalItem['blocksStage'];
  status?: ApprovalStatus;
  submittedOn?: Dayjs | null;
  approvedOn?: Dayjs | null;
  documentNo?: string;
  note?: string;
}

const FIELDS = ['name', 'departmentCode', 'blocksStage', 'status', 'submittedOn', 'approvedOn', 'documentNo', 'note'];
const day = (v: string | null) => (v ? dayjs(v) : null);
const text = (v: Dayjs | null | undefined) => (v ? v.format('YYYY-MM-DD') : null);

/**
 * Adds an item (project owners) or handles one: the status offers only the moves the server accepts,
 * and the date a move needs is filled with today so the usual case is one click.
 */
export function ApprovalModal(props: {
  projectId: number;
  item: ApprovalItem | null;
  manage: boolean;
  isAdmin: boolean;
  departments: Department[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { item, manage, isAdmin } = props;
  const { t, lang, stage } = useI18n();
  const [form] = Form.useForm<Values>();
  const save = useModalSave(form, FIELDS, props);
  const today = dayjs(todayInShanghai());

  const moves: ApprovalStatus[] = item
    ? [item.status, ...APPROVAL_MOVES[item.status].filter((s) => s !== 'pending' || isAdmin), ...(isAdmin && item.status !== 'not_required' ? (['not_required'] as const) : [])]
    : [];

  const mutation = useMutation({
    mutationFn: async (v: Values) => {
      if (!item) {
        return approvalApi.create(props.projectId, { name: v.name!.trim(), departmentCode: v.departmentCode!, blocksStage: v.blocksStage!, note: v.note?.trim() || undefined });
      }
      const body: UpdateApprovalInput = { version: item.version };
      if (v.status !== item.status) body.status = v.status;
      if (text(v.submittedOn) !== item.submittedOn) body.submittedOn = text(v.submittedOn);
      if (text(v.approvedOn) !== item.approvedOn) body.approvedOn = text(v.approvedOn);
      if ((v.documentNo ?? '') !== item.documentNo) body.documentNo = v.documentNo ?? '';
      if ((v.note ?? '') !== item.note) body.note = v.note ?? '';
      if (manage) {
        if (v.name !== undefined && v.name.trim() !== item.name) body.name = v.name.trim();
        if (v.departmentCode && v.departmentCode !== item.department.code) body.departmentCode = v.departmentCode;
        if (v.blocksStage && v.blocksStage !== item.blocksStage) body.blocksStage = v.blocksStage;
      }
      return approvalApi.update(item.id, body);
    },
    onSuccess: save.onSuccess,
    onError: save.onError,
  });

  const onStatus = (s: ApprovalStatus) => {
    if (s === 'submitted' && !form.getFieldValue('submittedOn')) form.setFieldValue('submittedOn', today);
    if (s === 'approved' && !form.getFieldValue('approvedOn')) form.setFieldValue('approvedOn', today);
  };
  const notFuture = (d: Dayjs) => d.isAfter(today, 'day');
  const departmentOptions = props.departments.map((d) => ({ value: d.code, label: lang === 'zh' ? d.name : d.nameEn }));

  return (
    <Modal
      open
      title={item ? `${t('apHandle')}:${item.name}` : t('apAddItem')}
      onCancel={props.onClose}
      onOk={save.submit}
      okButtonProps={{ loading: mutation.isPending, 'data-testid': 'approval-save' } as ButtonProps}
      destroyOnHidden
    >
      {save.error && <Alert type="error" showIcon message={save.error} style={{ marginBottom: 12 }} data-testid="approval-error" />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => mutation.mutate(v)}
        onValuesChange={save.clearError}
        initialValues={
          item
            ? { name: item.name, departmentCode: item.department.code, blocksStage: item.blocksStage, status: item.status, submittedOn: day(item.submittedOn), approvedOn: day(item.approvedOn), documentNo: item.documentNo, note: item.note }
            : { blocksStage: 'started' }
        }
      >
        {(manage || !item) && (
          <>
            <Form.Item name="name" label={t('apName')} rules={[{ required: true, whitespace: true, message: t('apName') }]}>
              <Input maxLength={100} data-testid="approval-name" />
            </Form.Item>
            <Form.Item name="departmentCode" label={t('apDepartment')} rules={[{ required: true, message: t('apDepartment') }]}>
              <Select showSearch optionFilterProp="label" options={departmentOptions} data-testid="approval-department" />
            </Form.Item>
            <Form.Item name="blocksStage" label={t('apBlocksStage')} rules={[{ required: true }]}>
              <Select options={BLOCKABLE_STAGES.map((s) => ({ value: s, label: stage(s) }))} data-testid="approval-blocks" />
            </Form.Item>
          </>
        )}
        {item && (
          <>
            <Form.Item name="status" label={t('apColStatus')}>
              <Select
                data-testid="approval-status-select"
                onChange={onStatus}
                options={moves.map((s) => ({ value: s, label: APPROVAL_STATUS_LABELS[s][lang] }))}
              />
            </Form.Item>
            <Form.Item name="submittedOn" label={t('apColSubmitted')}>
              <DatePicker style={{ width: '100%' }} disabledDate={notFuture} data-testid="approval-submitted-on" />
            </Form.Item>
            <Form.Item name="approvedOn" label={t('apColApproved')}>
              <DatePicker style={{ width: '100%' }} disabledDate={notFuture} data-testid="approval-approved-on" />
            </Form.Item>
            <Form.Item name="documentNo" label={t('apColDocNo')}>
              <Input maxLength={100} data-testid="approval-document-no" />
            </Form.Item>
          </>
        )}
        <Form.Item name="note" label={t('apNote')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
