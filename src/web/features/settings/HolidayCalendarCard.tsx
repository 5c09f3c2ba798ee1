import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Empty, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState, type HTMLAttributes } from 'react';
import { CALENDAR_KINDS, CALENDAR_KIND_LABELS, type CalendarDay, type CalendarKind } from '../../../shared/calendar.js';
import { todayInShanghai } from '../../../shared/format.js';
import { errorMessage } from '../../api/formErrors.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { settingsApi, weekdayOf } from './api.js';

const rowAttrs = { 'data-testid': 'calendar-row' } as HTMLAttributes<HTMLElement>;

/** A year's exceptions to the Monday–Friday week, with adding and (confirmed) deleting of days. */
export function HolidayCalendarCard({ editable }: { editable: boolean }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const thisYear = Number(todayInShanghai().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [day, setDay] = useState<Dayjs | null>(null);
  const [kind, setKind] = useState<CalendarKind>('holiday');
  const [name, setName] = useState('');
  const calendar = useQuery({ queryKey: ['calendar', year], queryFn: () => settingsApi.calendar(year) });
  const refresh = () => qc.invalidateQueries({ queryKey: ['calendar'] });

  const add = async () => {
    if (!day) return;
    const iso = day.format('YYYY-MM-DD');
    try {
      await settingsApi.setDay(iso, { kind, name });
      message.success(t('setAdded', { day: iso }));
      setDay(null);
      setName('');
      setYear(Number(iso.slice(0, 4)));
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      void refresh();
    }
  };
  const remove = async (d: string) => {
    try {
      await settingsApi.deleteDay(d);
      message.success(t('setDeleted', { day: d }));
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      void refresh();
    }
  };

  const years = Array.from({ length: 6 }, (_, i) => thisYear - 3 + i);
  return (
    <Card
      size="small"
      title={t('setCalendarTitle')}
      extra={<Select aria-label={t('setYear')} data-testid="calendar-year" value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: String(y) }))} style={{ width: 96 }} />}
    >
      <Typography.Paragraph type="secondary">{t('setCalendarHint')}</Typography.Paragraph>
      {editable && (
        <Space wrap style={{ marginBottom: 12 }}>
          <DatePicker aria-label={t('setColDay')} placeholder={t('setPickDay')} value={day} onChange={setDay} data-testid="calendar-new-day" />
          <Select<CalendarKind>
            aria-label={t('setColKind')}
            value={kind}
            onChange={setKind}
            style={{ width: 140 }}
            options={CALENDAR_KINDS.map((k) => ({ value: k, label: CALENDAR_KIND_LABELS[k][lang] }))}
            data-testid="calendar-new-kind"
          />
          <Input aria-label={t('setColName')} placeholder={t('setNamePlaceholder')} value={name} onChange={(e) => setName(e.target.value)} style={{ width: 180 }} maxLength={100} data-testid="calendar-new-name" />
          <Button type="primary" disabled={!day} onClick={() => void add()} data-testid="calendar-add">
            {t('setAdd')}
          </Button>
        </Space>
      )}
      {calendar.isError ? (
        <Alert type="error" showIcon message={t('loadFailed')} description={calendar.error.message} />
      ) : (
        <Table<CalendarDay>
          rowKey="day"
          size="small"
          loading={calendar.isLoading}
          dataSource={calendar.data?.items ?? []}
          onRow={() => rowAttrs}
          pagination={{ pageSize: 60, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('setCalendarEmpty')} /> }}
          columns={[
            { title: t('setColDay'), dataIndex: 'day' },
            { title: t('setColWeekday'), key: 'weekday', render: (_: unknown, d) => weekdayOf(d.day, lang) },
            {
              title: t('setColKind'),
              dataIndex: 'kind',
              filters: CALENDAR_KINDS.map((k) => ({ text: CALENDAR_KIND_LABELS[k][lang], value: k })),
              onFilter: (value, d) => d.kind === value,
              render: (k: CalendarKind) => <Tag color={k === 'holiday' ? 'red' : 'blue'}>{CALENDAR_KIND_LABELS[k][lang]}</Tag>,
            },
            { title: t('setColName'), dataIndex: 'name' },
            ...(editable
              ? [
                  {
                    title: '',
                    key: 'delete',
                    render: (_: unknown, d: CalendarDay) => (
                      <Popconfirm title={t('setDeleteConfirm', { day: d.day })} onConfirm={() => remove(d.day)} okText={t('setDelete')}>
                        <Button type="link" danger size="small" data-testid="calendar-delete">
                          {t('setDelete')}
                        </Button>
                      </Popconfirm>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
    </Card>
  );
}
