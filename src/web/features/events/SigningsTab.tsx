import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Empty, Form, Modal, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { Link } from 'react-router-dom';
import type { Signing } from '../../../shared/events.js';
import { formatYuan } from '../../../shared/format.js';
import { endpoints } from '../../api/endpoints.js';
import { applyFieldError, errorMessage } from '../../api/formErrors.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useAuth } from '../auth/AuthProvider.js';
import { StageTag } from '../projects/StageTag.js';
import { eventApi } from './api.js';

const rowAttrs = { 'data-testid': 'signing-row' } as HTMLAttributes<HTMLElement>;

function AddSigningModal({ eventId, open, onClose, onSaved }: { eventId: number; open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [q, setQ] = useState('');
  const [saving, setSaving] = useState(false);
  const projects = useQuery({ queryKey: ['projects', 'pick', q], queryFn: () => endpoints.projects({ q: q || undefined, page: 1, pageSize: 20 }), enabled: open });
  async function submit(v: { projectId: number; partnerRole?: 'chain_leader' | 'partner'; signedOn?: { format: (f: string) => string } }) {
    setSaving(true);
    try {
      await eventApi.addSigning(eventId, { projectId: v.projectId, partnerRole: v.partnerRole, signedOn: v.signedOn?.format('YYYY-MM-DD') });
      form.resetFields();
      onSaved();
    } catch (err) {
      if (!applyFieldError(form, err, ['projectId', 'partnerRole', 'signedOn'])) message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  }
  return (
    <Modal open={open} title={t('sgAdd')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={saving} destroyOnHidden>
      <Alert type="info" showIcon message={t('sgDefaultsHint')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="projectId" label={t('sgProject')} rules={[{ required: true, message: t('sgPickProject') }]}>
          <Select
            showSearch
            placeholder={t('sgPickProject')}
            filterOption={false}
            onSearch={setQ}
            loading={projects.isFetching}
            options={(projects.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name} · ${p.investorName} · ${p.regionName}` }))}
          />
        </Form.Item>
        <Form.Item name="partnerRole" label={t('sgRole')}>
          <Select allowClear options={[{ value: 'chain_leader', label: t('sgRoleLeader') }, { value: 'partner', label: t('sgRolePartner') }]} />
        </Form.Item>
        <Form.Item name="signedOn" label={t('sgSignedOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function SigningsTab({ eventId, onChange }: { eventId: number; onChange: () => void }) {
  const { t, lang } = useI18n();
  const { isAdmin } = useAuth();
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const signings = useQuery({ queryKey: ['event', eventId, 'signings'], queryFn: () => eventApi.signings(eventId) });
  const items = signings.data?.items ?? [];
  const remove = async (s: Signing) => {
    try {
      await eventApi.removeSigning(eventId, s.id);
      onChange();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  const columns = [
    { title: t('rsNo'), dataIndex: 'seq', key: 'seq', width: 60 },
    { title: t('sgProject'), key: 'project', width: 280, render: (_: unknown, s: Signing) => <Link to={`/projects/${s.project.id}`}>{s.project.name}</Link> },
    { title: t('sgRegion'), dataIndex: 'regionName', key: 'region', width: 170 },
    { title: t('sgInvestor'), dataIndex: 'investorName', key: 'investor', width: 200 },
    {
      title: t('sgPartner'),
      key: 'partner',
      width: 220,
      render: (_: unknown, s: Signing) => (
        <span>
          {s.partnerName || '—'} <Tag color={s.partnerRole === 'chain_leader' ? 'gold' : 'blue'}>{s.partnerRole === 'chain_leader' ? t('sgRoleLeader') : t('sgRolePartner')}</Tag>
        </span>
      ),
    },
    { title: t('sgAmount'), key: 'amount', width: 120, align: 'right' as const, render: (_: unknown, s: Signing) => formatYuan(s.amountYuan, lang) },
    { title: t('scStage'), key: 'stage', width: 90, render: (_: unknown, s: Signing) => <StageTag stage={s.project.stage} /> },
    ...(isAdmin
      ? [{
          title: '',
          key: 'actions',
          width: 80,
          render: (_: unknown, s: Signing) => (
            <Popconfirm title={t('sgRemoveConfirm', { name: s.project.name })} okButtonProps={{ danger: true }} onConfirm={() => remove(s)}>
              <Button type="link" size="small" danger>{t('gRemove')}</Button>
            </Popconfirm>
          ),
        }]
      : []),
  ];
  return (
    <div>
      {isAdmin && (
        <div style={{ marginBottom: 12 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>{t('sgAdd')}</Button>
        </div>
      )}
      <Table<Signing>
        rowKey="id"
        size="small"
        loading={signings.isFetching}
        dataSource={items}
        columns={columns}
        onRow={() => rowAttrs}
        pagination={false}
        scroll={{ x: 1350 }}
        locale={{ emptyText: <Empty description={t('sgEmpty')} /> }}
        summary={() =>
          items.length > 0 && (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={5}>
                <Typography.Text strong>{t('sgTotalRow', { n: items.length })}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">
                <Typography.Text strong data-testid="signings-total">{formatYuan(signings.data?.totalYuan ?? 0, lang)}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={6} colSpan={isAdmin ? 2 : 1} />
            </Table.Summary.Row>
          )
        }
      />
      <AddSigningModal
        eventId={eventId}
        open={adding}
        onClose={() => setAdding(false)}
        onSaved={() => {
          setAdding(false);
          onChange();
        }}
      />
    </div>
  );
}
