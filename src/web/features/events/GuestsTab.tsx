import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { App, Button, Empty, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import type { Guest } from '../../../shared/events.js';
import { formatTimestamp } from '../../../shared/format.js';
import { errorMessage } from '../../api/formErrors.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useAuth } from '../auth/AuthProvider.js';
import { eventApi, type GuestFilters } from './api.js';
import { GuestFormModal } from './GuestFormModal.js';
import { CATEGORY_KEYS, STATUSES, STATUS_COLORS, STATUS_KEYS } from './labels.js';

const rowAttrs = { 'data-testid': 'guest-row' } as HTMLAttributes<HTMLElement>;

export function GuestsTab({ eventId, onChange }: { eventId: number; onChange: () => void }) {
  const { t } = useI18n();
  const { isAdmin } = useAuth();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<GuestFilters>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<Guest | 'new' | null>(null);
  const guests = useQuery({
    queryKey: ['event', eventId, 'guests', filters, page],
    queryFn: () => eventApi.guests(eventId, { ...filters, ...page }),
    placeholderData: keepPreviousData,
  });
  const groups = useQuery({ queryKey: ['event', eventId, 'groups'], queryFn: () => eventApi.groups(eventId) });
  const filter = (patch: GuestFilters) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage((p) => ({ ...p, page: 1 }));
  };
  const act = async (work: () => Promise<unknown>, done?: string) => {
    try {
      await work();
      if (done) message.success(done);
      onChange();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  const counts = guests.data?.counts;

  const columns = [
    { title: t('gPerson'), dataIndex: 'personName', key: 'personName', width: 110 },
    { title: t('gOrganisation'), dataIndex: 'organisation', key: 'organisation', width: 220 },
    { title: t('gTitle'), dataIndex: 'title', key: 'title', width: 140 },
    { title: t('gCategory'), key: 'category', width: 90, render: (_: unknown, g: Guest) => t(CATEGORY_KEYS[g.category]) },
    { title: t('gStatus'), key: 'status', width: 90, render: (_: unknown, g: Guest) => <Tag color={STATUS_COLORS[g.invitationStatus]}>{t(STATUS_KEYS[g.invitationStatus])}</Tag> },
    { title: t('gGroup'), key: 'group', width: 190, render: (_: unknown, g: Guest) => g.group?.name ?? <Typography.Text type="secondary">{t('gNoGroup')}</Typography.Text> },
    {
      title: t('gCheckIn'),
      key: 'checkIn',
      width: 150,
      render: (_: unknown, g: Guest) =>
        g.checkedInAt ? (
          <Tag color="green" data-testid="guest-checked-in">{formatTimestamp(g.checkedInAt)}</Tag>
        ) : isAdmin ? (
          <Button size="small" type="primary" onClick={() => act(() => eventApi.checkIn(eventId, g.id), `${g.personName} ✓`)}>
            {t('gCheckInAction')}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t('evNotCheckedIn')}</Typography.Text>
        ),
    },
    ...(isAdmin
      ? [
          {
            title: '',
            key: 'actions',
            width: 200,
            render: (_: unknown, g: Guest) => (
              <Space size={0} wrap>
                <Button type="link" size="small" onClick={() => setEditing(g)}>{t('edit')}</Button>
                {g.checkedInAt && (
                  <Popconfirm title={t('gUndoConfirm', { name: g.personName })} onConfirm={() => act(() => eventApi.undoCheckIn(eventId, g.id))}>
                    <Button type="link" size="small">{t('gUndoCheckIn')}</Button>
                  </Popconfirm>
                )}
                <Popconfirm title={t('gRemoveConfirm', { name: g.personName })} okButtonProps={{ danger: true }} onConfirm={() => act(() => eventApi.removeGuest(eventId, g.id))}>
                  <Button type="link" size="small" danger>{t('gRemove')}</Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <div>
      {counts && (
        <Space wrap style={{ marginBottom: 12 }} data-testid="guest-counts">
          <Tag>{t('evGuests')} {counts.guests}</Tag>
          <Tag color="processing">{t('evInvited')} {counts.invited}</Tag>
          <Tag color="success">{t('evAccepted')} {counts.accepted}</Tag>
          <Tag color="green">{t('evCheckedIn')} {counts.checkedIn}</Tag>
        </Space>
      )}
      <div className="page-head">
        <Space wrap>
          <Input.Search allowClear placeholder={t('gSearch')} onSearch={(v) => filter({ q: v.trim() || undefined })} style={{ width: 240 }} data-testid="guest-search" />
          <Select allowClear placeholder={t('gAllStatus')} style={{ width: 150 }} onChange={(v) => filter({ status: v })} options={STATUSES.map((s) => ({ value: s, label: t(STATUS_KEYS[s]) }))} />
          <Select allowClear placeholder={t('gAllGroups')} style={{ width: 220 }} onChange={(v) => filter({ groupId: v })} options={(groups.data?.items ?? []).map((g) => ({ value: g.id, label: g.name }))} />
          <Select
            allowClear
            placeholder={t('gAllCheck')}
            style={{ width: 140 }}
            onChange={(v) => filter({ checkedIn: v })}
            options={[
              { value: 'true', label: t('evCheckedIn') },
              { value: 'false', label: t('evNotCheckedIn') },
            ]}
          />
        </Space>
        <Space wrap>
          <Button icon={<DownloadOutlined />} href={eventApi.guestExportUrl(eventId)} data-testid="guest-export">{t('gExport')}</Button>
          {isAdmin && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="guest-add">{t('gAdd')}</Button>}
        </Space>
      </div>
      <Table<Guest>
        rowKey="id"
        size="small"
        loading={guests.isFetching}
        dataSource={guests.data?.items ?? []}
        columns={columns}
        onRow={() => rowAttrs}
        scroll={{ x: 1250 }}
        locale={{ emptyText: <Empty description={t('gEmpty')} /> }}
        pagination={{ ...page, total: guests.data?.total ?? 0, showSizeChanger: true, showTotal: (n) => t('gCount', { n }), onChange: (p, ps) => setPage({ page: p, pageSize: ps }) }}
      />
      <GuestFormModal
        eventId={eventId}
        open={editing !== null}
        guest={editing && editing !== 'new' ? editing : undefined}
        groups={groups.data?.items ?? []}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          onChange();
        }}
      />
    </div>
  );
}
