import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, DatePicker, Empty, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import type { TableProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { ORDER_REASON_LABELS, ORDER_REASONS, REFUND_STATE_LABELS, REFUND_STATES, type ContestDetail } from '../../../shared/livestream.js';
import type { Order } from '../../../shared/livestream-board.js';
import { applyFieldError, errorMessage } from '../../api/formErrors.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { livestreamApi, type OrderListParams } from './api.js';
import { ImportPanel } from './ImportPanel.js';
import { beijingTime, yuan } from './labels.js';

function ManualOrder({ contest, onDone }: { contest: ContestDetail; onDone: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const contestants = useQuery({ queryKey: ['ls-contestants', contest.id, {}], queryFn: () => livestreamApi.contestants(contest.id), enabled: open });
  const fen = (v?: number) => Math.round((v ?? 0) * 100);
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="ls-manual">{t('lsManual')}</Button>
      <Modal open={open} title={t('lsManualTitle')} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText={t('lsSave')} cancelText={t('lsCancel')} destroyOnHidden>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ refundState: 'none', quantity: 1 }}
          onFinish={async (v: Record<string, unknown> & { orderedAt: Dayjs }) => {
            try {
              await livestreamApi.enterOrder(contest.id, {
                contestantId: v.contestantId as number,
                orderNo: v.orderNo as string,
                productId: (v.productId as string) || undefined,
                productName: (v.productName as string) || undefined,
                quantity: v.quantity as number,
                paidFen: fen(v.paidYuan as number),
                refundedFen: fen(v.refundedYuan as number),
                refundState: v.refundState as 'none',
                cancelled: !!v.cancelled,
                orderedAt: v.orderedAt.format('YYYY-MM-DDTHH:mm:ss+08:00'),
                roomId: v.roomId as string,
                buyerId: (v.buyerId as string) || undefined,
              });
              setOpen(false);
              onDone();
            } catch (err) {
              if (!applyFieldError(form, err, ['orderNo', 'roomId', 'buyerId', 'productId'], { paidFen: 'paidYuan', refundedFen: 'refundedYuan', contestantId: 'contestantId' })) message.error(errorMessage(err));
            }
          }}
        >
          <Form.Item name="contestantId" label={t('lsContestant')} rules={[{ required: true, message: t('lsContestant') }]}>
            <Select showSearch optionFilterProp="label" options={(contestants.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.regNo} ${c.name}(${c.accountName})` }))} />
          </Form.Item>
          <Form.Item name="orderNo" label={t('lsOrderNo')} rules={[{ required: true, message: t('lsOrderNo') }]}><Input /></Form.Item>
          <Space wrap>
            <Form.Item name="productId" label={t('lsProductId')}><Input /></Form.Item>
            <Form.Item name="productName" label={t('lsProductName')}><Input /></Form.Item>
          </Space>
          <Space wrap>
            <Form.Item name="paidYuan" label={t('lsPaidYuan')} rules={[{ required: true, message: t('lsPaidYuan') }]}><InputNumber min={0} precision={2} /></Form.Item>
            <Form.Item name="refundedYuan" label={t('lsRefundedYuan')}><InputNumber min={0} precision={2} /></Form.Item>
            <Form.Item name="refundState" label={t('lsRefundState')}>
              <Select style={{ width: 130 }} options={REFUND_STATES.map((s) => ({ value: s, label: REFUND_STATE_LABELS[s][lang] }))} />
            </Form.Item>
          </Space>
          <Form.Item name="orderedAt" label={t('lsOrderedAt')} rules={[{ required: true, message: t('lsOrderedAt') }]}><DatePicker showTime /></Form.Item>
          <Space wrap>
            <Form.Item name="roomId" label={t('lsRoomId')} rules={[{ required: true, message: t('lsRoomId') }]}><Input /></Form.Item>
            <Form.Item name="buyerId" label={t('lsBuyerId')}><Input /></Form.Item>
          </Space>
          <Form.Item name="cancelled" valuePropName="checked"><Checkbox>{t('lsCancelled')}</Checkbox></Form.Item>
        </Form>
      </Modal>
    </>
  );
}

export function OrdersTab({ contest }: { contest: ContestDetail }) {
  const { t, lang } = useI18n();
  const queryClient = useQueryClient();
  const [params, setParams] = useState<OrderListParams>({ page: 1, pageSize: 20, sort: 'orderedAt', order: 'desc' });
  const list = useQuery({ queryKey: ['ls-orders', contest.id, params], queryFn: () => livestreamApi.orders(contest.id, params), placeholderData: keepPreviousData });
  const contestants = useQuery({ queryKey: ['ls-contestants', contest.id, {}], queryFn: () => livestreamApi.contestants(contest.id) });
  const update = (p: Partial<OrderListParams>) => setParams((prev) => ({ ...prev, page: 1, ...p }));
  const manage = contest.canManage && !contest.settledAt;
  const { page: _page, pageSize: _size, ...filters } = params;
  const filtered = !!(params.contestantId || params.reason || params.refundState || params.day || params.q);

  const columns: TableProps<Order>['columns'] = [
    { title: t('lsOrderNo'), dataIndex: 'orderNo', width: 190 },
    { title: t('lsOrderedAt'), key: 'orderedAt', width: 150, sorter: true, sortOrder: params.sort === 'orderedAt' ? (params.order === 'asc' ? 'ascend' : 'descend') : null, render: (_, o) => beijingTime(o.orderedAt) },
    { title: t('lsContestant'), key: 'contestant', width: 120, render: (_, o) => o.contestantName ?? o.authorId },
    { title: t('lsProductName'), dataIndex: 'productName', width: 220, ellipsis: true },
    { title: t('lsPaid'), key: 'paidFen', width: 110, align: 'right', sorter: true, sortOrder: params.sort === 'paidFen' ? (params.order === 'asc' ? 'ascend' : 'descend') : null, render: (_, o) => yuan(o.paidFen) },
    { title: t('lsRefunded'), key: 'refunded', width: 100, align: 'right', render: (_, o) => (o.refundState === 'succeeded' ? yuan(o.refundedFen) : '') },
    { title: t('lsNet'), key: 'net', width: 110, align: 'right', render: (_, o) => yuan(o.netFen) },
    { title: t('lsRefundState'), key: 'refund', width: 100, render: (_, o) => <Tag color={o.refundState === 'pending' ? 'gold' : o.refundState === 'succeeded' ? 'red' : undefined}>{REFUND_STATE_LABELS[o.refundState][lang]}</Tag> },
    { title: t('lsReason'), key: 'reason', width: 170, render: (_, o) => <Tag color={o.reason === 'counted' ? 'green' : 'default'}>{ORDER_REASON_LABELS[o.reason][lang]}</Tag> },
    { title: t('lsBuyerId'), dataIndex: 'buyerId', width: 140 },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {manage && <ImportPanel contestId={contest.id} />}
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search allowClear placeholder={t('lsOrderSearch')} style={{ width: 220 }} onSearch={(q) => update({ q })} />
          <Select allowClear showSearch optionFilterProp="label" placeholder={t('lsAllContestants')} style={{ width: 180 }} value={params.contestantId} onChange={(contestantId) => update({ contestantId })} options={(contestants.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))} />
          <Select allowClear placeholder={t('lsAllDays')} style={{ width: 130 }} value={params.day} onChange={(day) => update({ day })} options={contest.days.map((d) => ({ value: d, label: d }))} />
          <Select allowClear placeholder={t('lsAllReasons')} style={{ width: 190 }} value={params.reason} onChange={(reason) => update({ reason })} options={ORDER_REASONS.map((r) => ({ value: r, label: ORDER_REASON_LABELS[r][lang] }))} data-testid="ls-reason-filter" />
          <Select allowClear placeholder={t('lsAllRefunds')} style={{ width: 140 }} value={params.refundState} onChange={(refundState) => update({ refundState })} options={REFUND_STATES.map((s) => ({ value: s, label: REFUND_STATE_LABELS[s][lang] }))} />
          {filtered && <Button onClick={() => setParams({ page: 1, pageSize: params.pageSize, sort: 'orderedAt', order: 'desc' })}>{t('lsClear')}</Button>}
          <Button icon={<DownloadOutlined />} href={livestreamApi.ordersExportUrl(contest.id, filters)} download>{t('lsExport')}</Button>
          {manage && <ManualOrder contest={contest} onDone={() => void queryClient.invalidateQueries({ queryKey: ['ls-orders', contest.id] })} />}
        </Space>
        <Table<Order>
          rowKey="id"
          size="small"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          columns={columns}
          scroll={{ x: 1500 }}
          locale={{ emptyText: <Empty description={t('lsOrdersEmpty')} /> }}
          pagination={{ current: params.page, pageSize: params.pageSize, total: list.data?.total ?? 0, showSizeChanger: true, showTotal: (n: number) => t('lsOrdersCount', { n }), onChange: (page, pageSize) => setParams((p) => ({ ...p, page, pageSize })) }}
          onChange={(_p, _f, sorter) => {
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            const key = s?.columnKey === 'paidFen' ? 'paidFen' : 'orderedAt';
            setParams((p) => ({ ...p, sort: s?.order ? key : 'orderedAt', order: s?.order === 'ascend' ? 'asc' : 'desc' }));
          }}
        />
      </Card>
    </Space>
  );
}
