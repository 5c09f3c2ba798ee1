import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Empty, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import { CONTESTANT_STATUS_LABELS, CONTESTANT_STATUSES, type ContestDetail, type Contestant, type ContestantStatus } from '../../../shared/livestream.js';
import { applyFieldError, errorMessage } from '../../api/formErrors.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { livestreamApi } from './api.js';
import { ContestantStatusTag } from './labels.js';

export function ContestantsTab({ contest }: { contest: ContestDetail }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<{ status?: ContestantStatus; q?: string }>({});
  // The form adds a contestant, or corrects one (name, account, author id) when `editing` is set.
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Contestant | null>(null);
  const [rejecting, setRejecting] = useState<Contestant | null>(null);
  const [form] = Form.useForm();
  const [rejectForm] = Form.useForm<{ note: string }>();
  const list = useQuery({ queryKey: ['ls-contestants', contest.id, filter], queryFn: () => livestreamApi.contestants(contest.id, filter) });
  const manage = contest.canManage && !contest.settledAt;
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['ls-contestants', contest.id] });
    await queryClient.invalidateQueries({ queryKey: ['ls-contest', contest.id] });
  };

  async function review(c: Contestant, decision: 'approved' | 'rejected', note?: string) {
    try {
      await livestreamApi.review(c.id, { decision, note, version: c.version });
      await refresh();
      return true;
    } catch (err) {
      message.error(errorMessage(err));
      return false;
    }
  }

  const columns: TableProps<Contestant>['columns'] = [
    { title: t('lsCRegNo'), dataIndex: 'regNo', width: 90, sorter: (a, b) => a.regNo - b.regNo },
    { title: t('lsCName'), key: 'name', render: (_, c) => <Space size={4}>{c.name}{c.isNewcomer && <Tag color="cyan">{t('lsNewcomer')}</Tag>}{c.linkedAccount && <Tag>{t('lsCLinked')}</Tag>}</Space> },
    { title: t('lsCAccount'), dataIndex: 'accountName' },
    { title: t('lsCAuthor'), dataIndex: 'authorId' },
    { title: t('lsCStatus'), key: 'status', width: 110, render: (_, c) => <ContestantStatusTag status={c.status} /> },
    { title: t('lsFlagNote'), dataIndex: 'reviewNote', width: 160 },
    ...(manage
      ? [
          {
            title: '',
            key: 'actions',
            width: 200,
            render: (_: unknown, c: Contestant) => (
              <Space size={0}>
                <Button
                  type="link"
                  size="small"
                  onClick={() => {
                    setEditing(c);
                    form.setFieldsValue({ name: c.name, accountName: c.accountName, authorId: c.authorId, phone: c.phone, isNewcomer: c.isNewcomer });
                    setAdding(true);
                  }}
                >
                  {t('lsEdit')}
                </Button>
                {c.status === 'pending' && (
                  <>
                    <Popconfirm title={t('lsCApproveConfirm', { name: c.name })} onConfirm={() => review(c, 'approved')}>
                      <Button type="link" size="small" data-testid="ls-approve">{t('lsCApprove')}</Button>
                    </Popconfirm>
                    <Button type="link" size="small" danger onClick={() => setRejecting(c)}>{t('lsCReject')}</Button>
                  </>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card size="small">
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('lsCSearch')} style={{ width: 260 }} onSearch={(q) => setFilter((f) => ({ ...f, q }))} />
        <Select allowClear placeholder={t('lsCStatus')} style={{ width: 140 }} value={filter.status} onChange={(status) => setFilter((f) => ({ ...f, status }))} options={CONTESTANT_STATUSES.map((s) => ({ value: s, label: CONTESTANT_STATUS_LABELS[s][lang] }))} />
        {manage && (
          <Button
            type="primary"
            onClick={() => {
              setEditing(null);
              form.resetFields();
              setAdding(true);
            }}
            data-testid="ls-add-contestant"
          >
            {t('lsCAdd')}
          </Button>
        )}
      </Space>
      <Table<Contestant>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        columns={columns}
        scroll={{ x: 900 }}
        locale={{ emptyText: <Empty description={t('lsCEmpty')} /> }}
        pagination={{ pageSize: 20, showTotal: (n: number) => `${n}` }}
      />
      <Modal open={adding} title={editing ? `${t('lsEdit')}:${editing.name}` : t('lsCAdd')} onCancel={() => setAdding(false)} onOk={() => form.submit()} okText={t('lsSave')} cancelText={t('lsCancel')} forceRender>
        <Form
          form={form}
          layout="vertical"
          onFinish={async (v) => {
            try {
              if (editing) await livestreamApi.updateContestant(editing.id, { ...v, version: editing.version });
              else await livestreamApi.register(contest.id, v);
              setAdding(false);
              form.resetFields();
              await refresh();
            } catch (err) {
              if (!applyFieldError(form, err, ['name', 'accountName', 'authorId', 'phone'])) message.error(errorMessage(err));
            }
          }}
        >
          <Form.Item name="name" label={t('lsCName')} rules={[{ required: true, message: t('lsCName') }]}><Input /></Form.Item>
          <Form.Item name="accountName" label={t('lsCAccount')} rules={[{ required: true, message: t('lsCAccount') }]}><Input /></Form.Item>
          <Form.Item name="authorId" label={t('lsCAuthor')} rules={[{ required: true, message: t('lsCAuthor') }]}><Input /></Form.Item>
          <Form.Item name="phone" label={t('lsCPhone')}><Input /></Form.Item>
          <Form.Item name="isNewcomer" valuePropName="checked"><Checkbox>{t('lsCNewcomer')}</Checkbox></Form.Item>
        </Form>
      </Modal>
      <Modal
        open={rejecting !== null}
        title={`${t('lsCReject')}:${rejecting?.name ?? ''}`}
        onCancel={() => setRejecting(null)}
        onOk={() => rejectForm.submit()}
        okButtonProps={{ danger: true }}
        okText={t('lsCReject')}
        cancelText={t('lsCancel')}
        destroyOnHidden
      >
        <Form form={rejectForm} layout="vertical" onFinish={async (v) => rejecting && (await review(rejecting, 'rejected', v.note)) && setRejecting(null)}>
          <Form.Item name="note" label={t('lsCRejectReason')} rules={[{ required: true, message: t('lsCRejectReason') }]}><Input.TextArea rows={3} /></Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
