import { DownloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Modal, Popconfirm, Row, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { TIE_DECIDER_LABELS, type ContestDetail } from '../../../shared/livestream.js';
import type { BoardRow } from '../../../shared/livestream-board.js';
import { errorMessage } from '../../api/formErrors.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { livestreamApi } from './api.js';
import { beijingTime, yuan } from './labels.js';

function FreezeButton({ contest, onDone }: { contest: ContestDetail; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [at, setAt] = useState<Dayjs>(dayjs(`${contest.windowEndOn} 20:00`));
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="ls-freeze">{t('lsFreeze')}</Button>
      <Modal
        open={open}
        title={t('lsFreezeTitle')}
        okText={t('lsFreeze')}
        cancelText={t('lsCancel')}
        onCancel={() => setOpen(false)}
        onOk={async () => {
          try {
            await livestreamApi.freeze(contest.id, at.format('YYYY-MM-DDTHH:00:00+08:00'));
            setOpen(false);
            onDone();
          } catch (err) {
            message.error(errorMessage(err));
          }
        }}
      >
        <Typography.Paragraph type="secondary">{t('lsFreezeConfirm')}</Typography.Paragraph>
         <DatePicker showTime={{ format: 'HH' }} format="YYYY-MM-DD HH:00" value={at} onChange={(v) => v && setAt(v)} allowClear={false} data-testid="ls-freeze-at" />
      </Modal>
    </>
  );
}

export function BoardTab({ contest }: { contest: ContestDetail }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [day, setDay] = useState<string | undefined>(undefined);
  const [view, setView] = useState<'live' | 'public'>('live');
  const q = { day, view: contest.canJudge ? view : undefined };
  const board = useQuery({ queryKey: ['ls-board', contest.id, q], queryFn: () => livestreamApi.board(contest.id, q) });
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['ls-board', contest.id] });
    await queryClient.invalidateQueries({ queryKey: ['ls-contest', contest.id] });
  };
  const act = (fn: () => Promise<void>) => fn().then(refresh, (err) => message.error(errorMessage(err)));
  const b = board.data;

  const columns: TableProps<BoardRow>['columns'] = [
    { title: t('lsRank'), dataIndex: 'rank', width: 70, render: (r: number) => <strong>{r}</strong> },
    { title: t('lsContestant'), key: 'name', render: (_, r) => <Space size={4} wrap>{r.name}<Typography.Text type="secondary">{r.accountName}</Typography.Text>{r.isNewcomer && <Tag color="cyan">{t('lsNewcomer')}</Tag>}{r.flagged && <Tag color="red">{t('lsFlagged')}</Tag>}</Space> },
    { title: t('lsNet'), key: 'net', width: 140, align: 'right', render: (_, r) => <strong>{yuan(r.netFen)}</strong> },
    { title: t('lsOrders'), dataIndex: 'orders', width: 90, align: 'right' },
    { title: t('lsPaid'), key: 'paid', width: 120, align: 'right', render: (_, r) => yuan(r.paidFen) },
    { title: t('lsRefunded'), key: 'refunded', width: 110, align: 'right', render: (_, r) => yuan(r.refundedFen) },
    { title: t('lsPendingRefunds'), key: 'pending', width: 100, align: 'right', render: (_, r) => (r.pendingRefunds ? <Tag color="gold">{r.pendingRefunds}</Tag> : '') },
    { title: t('lsDecidedBy'), key: 'decided', width: 150, render: (_, r) => TIE_DECIDER_LABELS[r.decidedBy][lang] },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
          <Space wrap>
            <Segmented value={day ? 'daily' : 'overall'} onChange={(v) => setDay(v === 'daily' ? contest.days[0] : undefined)} options={[{ value: 'overall', label: t('lsOverall') }, { value: 'daily', label: t('lsDaily') }]} data-testid="ls-board-kind" />
            {day && <Select value={day} style={{ width: 130 }} onChange={setDay} options={contest.days.map((d) => ({ value: d, label: d }))} data-testid="ls-board-day" />}
            {contest.canJudge && <Segmented value={view} onChange={(v) => setView(v as 'live' | 'public')} options={[{ value: 'live', label: t('lsViewLive') }, { value: 'public', label: t('lsViewPublic') }]} data-testid="ls-board-view" />}
            {b && <Tag color={b.status === 'final' ? 'purple' : 'gold'} data-testid="ls-board-status">{b.status === 'final' ? t('lsFinal') : t('lsProvisional')}</Tag>}
          </Space>
          <Space wrap>
            <Button icon={<DownloadOutlined />} href={livestreamApi.boardExportUrl(contest.id, q)} download>{t('lsExport')}</Button>
            {contest.canManage && !contest.settledAt && <FreezeButton contest={contest} onDone={() => void refresh()} />}
            {contest.canManage && contest.settledAt && contest.frozenFrom && (
              <Popconfirm title={t('lsUnfreezeConfirm')} onConfirm={() => act(() => livestreamApi.unfreeze(contest.id))}>
                <Button data-testid="ls-unfreeze">{t('lsUnfreeze')}</Button>
              </Popconfirm>
            )}
            {contest.canManage && !contest.settledAt && (
              <Popconfirm title={t('lsSettleConfirm')} onConfirm={() => act(() => livestreamApi.settle(contest.id))}>
                <Button type="primary" danger data-testid="ls-settle">{t('lsSettle')}</Button>
              </Popconfirm>
            )}
          </Space>
        </Space>
        {contest.frozenFrom && (
          <Alert
            style={{ marginTop: 12 }}
            type="info"
            showIcon
            data-testid="ls-frozen-note"
            message={b?.countedUntil ? t('lsFrozenSince', { time: beijingTime(contest.frozenFrom) }) : t('lsFrozenJury', { time: beijingTime(contest.frozenFrom) })}
          />
        )}
      </Card>
      {board.isError && <Alert type="error" showIcon message={board.error.message} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={18}>
          <Card size="small" title={b ? t('lsTotals', { net: yuan(b.totals.netFen), orders: b.totals.orders, pending: b.totals.pendingRefunds }) : null}>
            <Table<BoardRow> rowKey="contestantId" size="small" loading={board.isFetching} dataSource={b?.rows ?? []} columns={columns} scroll={{ x: 1000 }} pagination={{ pageSize: 50 }} locale={{ emptyText: t('lsBoardEmpty') }} data-testid="ls-board-table" />
          </Card>
        </Col>
        <Col xs={24} xl={6}>
          <Space direction="vertical" style={{ width: '100%' }}>
            {b?.awards.map((a) => (
              <Card key={a.awardId} size="small" title={t('lsAwardStanding', { name: a.name })}>
                {a.winners.length === 0 ? t('lsNoWinner') : <ol style={{ margin: 0, paddingLeft: 20 }}>{a.winners.map((w) => <li key={w.contestantId}>{w.name}</li>)}</ol>}
              </Card>
            ))}
            {b && (
              <Card size="small" title={t('lsTieRule')}>
                <Typography.Paragraph style={{ margin: 0 }}>{b.rule[lang]}</Typography.Paragraph>
              </Card>
            )}
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
