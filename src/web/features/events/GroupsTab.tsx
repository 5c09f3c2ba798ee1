import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Empty, Popconfirm, Row, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import type { Group, Stop } from '../../../shared/events.js';
import { errorMessage } from '../../api/formErrors.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useAuth } from '../auth/AuthProvider.js';
import { eventApi } from './api.js';
import { GroupModal, MembersModal, StopModal } from './GroupModals.js';

type Editing =
  | { kind: 'group'; group?: Group }
  | { kind: 'stop'; group: Group; stop?: Stop }
  | { kind: 'members'; group: Group };

/** One stop on the route, as the run sheet prints it: time, place, region, host, what is done there. */
export function StopLine({ stop }: { stop: Stop }) {
  const { t } = useI18n();
  return (
    <Space direction="vertical" size={0}>
      <span>
        <Typography.Text strong>{stop.scheduledAt?.slice(11) ?? '—'}</Typography.Text> {stop.place}
      </span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {[stop.regionName, stop.host && `${t('spHost')}:${stop.host}`, stop.activity].filter(Boolean).join(' · ')}
      </Typography.Text>
    </Space>
  );
}

export function GroupsTab({ eventId, startsOn, onChange }: { eventId: number; startsOn: string; onChange: () => void }) {
  const { t } = useI18n();
  const { isAdmin } = useAuth();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Editing | null>(null);
  const groups = useQuery({ queryKey: ['event', eventId, 'groups'], queryFn: () => eventApi.groups(eventId) });
  const sheet = useQuery({ queryKey: ['event', eventId, 'run-sheet'], queryFn: () => eventApi.runSheet(eventId), enabled: isAdmin });

  const done = () => {
    setEditing(null);
    onChange();
    void queryClient.invalidateQueries({ queryKey: ['event', eventId] });
  };
  const act = async (work: () => Promise<unknown>) => {
    try {
      await work();
      done();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  const move = (g: Group, index: number, by: number) => {
    const ids = g.stops.map((s) => s.id);
    [ids[index], ids[index + by]] = [ids[index + by], ids[index]];
    return act(() => eventApi.reorderStops(eventId, g.id, ids));
  };

  const items = groups.data?.items ?? [];
  return (
    <div>
      {isAdmin && (
        <div style={{ marginBottom: 12 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ kind: 'group' })}>{t('grAdd')}</Button>
        </div>
      )}
      {items.length === 0 && !groups.isLoading && <Empty description={t('grEmpty')} />}
      <Row gutter={[16, 16]}>
        {items.map((g) => (
          <Col xs={24} lg={12} xxl={8} key={g.id}>
            <Card
              size="small"
              title={g.name}
              data-testid="group-card"
              extra={
                isAdmin && (
                  <Space size={0}>
                    <Button type="text" size="small" icon={<EditOutlined />} aria-label={t('grEdit')} onClick={() => setEditing({ kind: 'group', group: g })} />
                    <Popconfirm title={t('grDeleteConfirm', { name: g.name })} okButtonProps={{ danger: true }} onConfirm={() => act(() => eventApi.removeGroup(eventId, g.id))}>
                      <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('grDelete')} />
                    </Popconfirm>
                  </Space>
                )
              }
            >
              {g.leader && <Typography.Paragraph type="secondary">{t('grLeader')}:{g.leader}</Typography.Paragraph>}
              <Typography.Text strong>{t('grRoute')}</Typography.Text>
              {g.stops.length === 0 ? (
                <Typography.Paragraph type="secondary">{t('grNoStops')}</Typography.Paragraph>
              ) : (
                <Timeline
                  style={{ marginTop: 12 }}
                  items={g.stops.map((s, i) => ({
                    children: (
                      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }} data-testid="group-stop">
                        <StopLine stop={s} />
                        {isAdmin && (
                          <Space size={0}>
                            <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={i === 0} aria-label={t('spUp')} onClick={() => move(g, i, -1)} />
                            <Button type="text" size="small" icon={<ArrowDownOutlined />} disabled={i === g.stops.length - 1} aria-label={t('spDown')} onClick={() => move(g, i, 1)} />
                            <Button type="text" size="small" icon={<EditOutlined />} aria-label={t('spEdit')} onClick={() => setEditing({ kind: 'stop', group: g, stop: s })} />
                            <Popconfirm title={t('spRemoveConfirm', { name: s.place })} okButtonProps={{ danger: true }} onConfirm={() => act(() => eventApi.removeStop(eventId, g.id, s.id))}>
                              <Button type="text" size="small" danger icon={<DeleteOutlined />} />
                            </Popconfirm>
                          </Space>
                        )}
                      </div>
                    ),
                  }))}
                />
              )}
              <Typography.Text strong>
                {t('grMembers')}({g.members.length})
              </Typography.Text>
              <div style={{ marginTop: 8 }}>
                {g.members.map((m) => (
                  <Tag key={m.id} style={{ marginBottom: 4 }}>
                    {m.personName}
                    {m.organisation && <Typography.Text type="secondary"> · {m.organisation}</Typography.Text>}
                  </Tag>
                ))}
              </div>
              {isAdmin && (
                <Space style={{ marginTop: 8 }} wrap>
                  <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing({ kind: 'stop', group: g })}>{t('spAdd')}</Button>
                  <Button size="small" icon={<TeamOutlined />} onClick={() => setEditing({ kind: 'members', group: g })}>{t('grSetMembers')}</Button>
                </Space>
              )}
            </Card>
          </Col>
        ))}
      </Row>
      <GroupModal
        open={editing?.kind === 'group'}
        initial={editing?.kind === 'group' ? editing.group : undefined}
        onClose={() => setEditing(null)}
        onSubmit={async (v) => {
          const body = { name: String(v.name ?? ''), leader: String(v.leader ?? ''), note: String(v.note ?? ''), ...(typeof v.sortOrder === 'number' ? { sortOrder: v.sortOrder } : {}) };
          if (editing?.kind === 'group' && editing.group) await eventApi.updateGroup(eventId, editing.group.id, body);
          else await eventApi.addGroup(eventId, body);
          done();
        }}
      />
      <StopModal
        open={editing?.kind === 'stop'}
        startsOn={startsOn}
        initial={editing?.kind === 'stop' ? editing.stop : undefined}
        onClose={() => setEditing(null)}
        onSubmit={async (v) => {
          if (editing?.kind !== 'stop') return;
          const body = { place: String(v.place ?? ''), regionCode: (v.regionCode as string | null) ?? null, scheduledAt: (v.scheduledAt as string | null) ?? null, host: String(v.host ?? ''), activity: String(v.activity ?? '') };
          if (editing.stop) await eventApi.updateStop(eventId, editing.group.id, editing.stop.id, body);
          else await eventApi.addStop(eventId, editing.group.id, body);
          done();
        }}
      />
      <MembersModal
        open={editing?.kind === 'members'}
        group={editing?.kind === 'members' ? editing.group : undefined}
        guests={sheet.data?.guests ?? []}
        onClose={() => setEditing(null)}
        onSubmit={async (ids) => {
          if (editing?.kind !== 'members') return;
          await eventApi.setMembers(eventId, editing.group.id, ids);
          done();
        }}
      />
    </div>
  );
}
