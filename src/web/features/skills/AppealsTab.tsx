import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Input, Space, Table, Tag } from 'antd';
import type { SkillsEvent } from '../../../shared/skills.js';
import { shanghaiDateTime } from '../../../shared/skills-format.js';
import { errorMessage } from '../../api/formErrors.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { skillsApi } from './api.js';

// Written appeals and the arbitration's ruling, which is final (a ruled appeal has no buttons).

export function AppealsTab({ event }: { event: SkillsEvent }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const appeals = useQuery({ queryKey: ['skills-appeals', event.id], queryFn: () => skillsApi.appeals(event.id) });
  const rule = (id: number, status: 'upheld' | 'rejected') => {
    let ruling = '';
    modal.confirm({
      title: status === 'upheld' ? t('skUphold') : t('skReject'),
      content: <Input.TextArea rows={3} placeholder={t('skRuling')} onChange={(e) => (ruling = e.target.value)} />,
      onOk: () =>
        skillsApi.rule(id, status, ruling).then(
          () => void client.invalidateQueries({ queryKey: ['skills-appeals', event.id] }),
          (e: unknown) => {
            message.error(errorMessage(e));
            throw e;
          },
        ),
    });
  };
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={appeals.data?.items}
      locale={{ emptyText: <Empty description={t('skEmptyAppeals')} /> }}
      columns={[
        { title: t('skPersonName'), dataIndex: 'contestant', width: 140 },
        { title: t('skAppealText'), dataIndex: 'text' },
        { title: '', width: 150, render: (_, a) => shanghaiDateTime(a.createdAt) },
        { title: t('skRuling'), render: (_, a) => <Space direction="vertical" size={0}><Tag color={a.status === 'open' ? 'orange' : a.status === 'upheld' ? 'green' : 'default'}>{t(`skAppealStatus_${a.status}`)}</Tag>{a.ruling}</Space> },
        {
          title: '',
          width: 160,
          render: (_, a) =>
            a.status === 'open' && (
              <Space>
                <Button size="small" onClick={() => rule(a.id, 'upheld')}>{t('skUphold')}</Button>
                <Button size="small" danger onClick={() => rule(a.id, 'rejected')}>{t('skReject')}</Button>
              </Space>
            ),
        },
      ]}
    />
  );
}
