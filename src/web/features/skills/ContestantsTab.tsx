import { DownloadOutlined, PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Empty, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Tooltip } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import { ELIGIBILITY, SKILLS_CATEGORIES, SKILLS_CATEGORY_LABELS, type CompetitionDetail, type SkillsContestant, type SkillsEvent } from '../../../shared/skills.js';
import { errorMessage } from '../../api/formErrors.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { skillsApi, type ContestantParams } from './api.js';
import { showServerError } from './formError.js';

// An event's contestants: search, filters, sort, pages, Excel; registration within the per-unit
// limit, the eligibility check, and withdrawal after a confirmation.

const SORTS: Record<string, ContestantParams['sort']> = { regNo: 'reg_no', name: 'name', unit: 'unit', blindCode: 'blind_code' };

export function ContestantsTab({ competition, event }: { competition: CompetitionDetail; event: SkillsEvent }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [params, setParams] = useState<ContestantParams>({ page: 1, pageSize: 20, sort: 'reg_no', order: 'asc' });
  const list = useQuery({ queryKey: ['skills-contestants', event.id, params], queryFn: () => skillsApi.contestants(event.id, params), placeholderData: keepPreviousData });
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm();
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ['skills-contestants', event.id] });
    void client.invalidateQueries({ queryKey: ['skills-competition', competition.id] });
  };
  const set = (patch: Partial<ContestantParams>) => setParams({ ...params, page: 1, ...patch });
  const { page, pageSize, ...filter } = params;

  const register = async () => {
    const v = await form.validateFields();
    try {
      await skillsApi.register(event.id, { ...v, birthDate: v.birthDate.format('YYYY-MM-DD'), username: v.username || null });
      setAdding(false);
      refresh();
    } catch (e) {
      showServerError(form, e, message);
    }
  };
  const check = async () => {
    try {
      const r = await skillsApi.checkEligibility(event.id);
      message.success(t('skCheckDone', r));
      refresh();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const columns: TableProps<SkillsContestant>['columns'] = [
    { title: t('skRegNo'), dataIndex: 'regNo', key: 'regNo', width: 120, sorter: true },
    { title: t('skPersonName'), key: 'name', sorter: true, render: (_, c) => <Space size={4}>{c.name}{c.isSample && <Tag color="orange">{t('skSample')}</Tag>}</Space> },
    { title: t('skCategory'), width: 70, render: (_, c) => SKILLS_CATEGORY_LABELS[c.category][lang] },
    { title: t('skBirthDate'), dataIndex: 'birthDate', width: 110 },
    { title: t('skUnit'), key: 'unit', sorter: true, render: (_, c) => c.unit },
    { title: t('skPrefecture'), width: 130, render: (_, c) => c.prefecture ?? '—' },
    { title: t('skBlindCode'), dataIndex: 'blindCode', key: 'blindCode', width: 90, sorter: true },
    {
      title: t('skEligibility'),
      width: 110,
      render: (_, c) => (
        <Tooltip title={c.eligibilityNote}>
          <Tag color={c.eligibility === 'eligible' ? 'green' : c.eligibility === 'ineligible' ? 'red' : 'default'}>{t(`skElig_${c.eligibility}`)}</Tag>
        </Tooltip>
      ),
    },
    {
      title: '',
      width: 80,
      render: (_, c) => (
        <Popconfirm title={t('skWithdrawConfirm')} onConfirm={() => skillsApi.withdraw(c.id).then(refresh, (e: unknown) => message.error(errorMessage(e)))}>
          <Button size="small" danger type="link">
            {t('skWithdraw')}
          </Button>
        </Popconfirm>
      ),
    },
  ];
  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('skSearch')} onSearch={(q) => set({ q: q || undefined })} style={{ width: 260 }} data-testid="contestant-search" />
        <Select allowClear placeholder={t('skUnit')} value={filter.unitId} onChange={(unitId) => set({ unitId })} options={competition.units.map((u) => ({ value: u.id, label: u.name }))} style={{ width: 220 }} />
        <Select allowClear placeholder={t('skCategory')} value={filter.category} onChange={(category) => set({ category })} options={SKILLS_CATEGORIES.map((k) => ({ value: k, label: SKILLS_CATEGORY_LABELS[k][lang] }))} style={{ width: 100 }} />
        <Select allowClear placeholder={t('skEligibility')} value={filter.eligibility} onChange={(eligibility) => set({ eligibility })} options={ELIGIBILITY.map((k) => ({ value: k, label: t(`skElig_${k}`) }))} style={{ width: 120 }} />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => { form.resetFields(); setAdding(true); }}>
          {t('skRegister')}
        </Button>
        <Button icon={<SafetyCertificateOutlined />} onClick={check}>
          {t('skCheckEligibility')}
        </Button>
        <Button icon={<DownloadOutlined />} href={skillsApi.contestantsExportUrl(event.id, filter)}>
          {t('skExport')}
        </Button>
      </Space>
      <Table
        size="small"
        rowKey="id"
        scroll={{ x: 1000 }}
        loading={list.isFetching}
        dataSource={list.data?.items}
        columns={columns}
        locale={{ emptyText: <Empty description={t('skEmptyContestants')} /> }}
        pagination={{ current: page, pageSize, total: list.data?.total, showSizeChanger: true }}
        onChange={(p, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          const key = SORTS[String(s?.columnKey ?? '')];
          setParams({ ...params, page: p.current ?? 1, pageSize: p.pageSize ?? 20, sort: s?.order && key ? key : 'reg_no', order: s?.order === 'descend' ? 'desc' : 'asc' });
        }}
      />
      <Modal open={adding} title={t('skRegister')} onOk={register} onCancel={() => setAdding(false)} okText={t('skSave')} cancelText={t('skCancel')} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ category: 'student' }}>
          <Form.Item name="unitId" label={t('skUnit')} rules={[{ required: true }]}><Select showSearch optionFilterProp="label" options={competition.units.map((u) => ({ value: u.id, label: u.name }))} /></Form.Item>
          <Form.Item name="name" label={t('skPersonName')} rules={[{ required: true }]}><Input maxLength={100} /></Form.Item>
          <Form.Item name="category" label={t('skCategory')} rules={[{ required: true }]}><Select options={SKILLS_CATEGORIES.map((k) => ({ value: k, label: SKILLS_CATEGORY_LABELS[k][lang] }))} /></Form.Item>
          <Form.Item name="birthDate" label={t('skBirthDate')} rules={[{ required: true }]}><DatePicker /></Form.Item>
          <Form.Item name="username" label={t('skAccount')}><Input maxLength={64} /></Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
