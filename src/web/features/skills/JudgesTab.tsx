import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Empty, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { CompetitionDetail, SkillsEvent } from '../../../shared/skills.js';
import { errorMessage } from '../../api/formErrors.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { skillsApi } from './api.js';
import { showServerError } from './formError.js';

// 裁判与单位: each judge with the unit they come from (the conflict-of-interest rule's key), the
// chief judge first; adding within the per-unit limit, removal after a confirmation.

export function JudgesTab({ competition, event }: { competition: CompetitionDetail; event: SkillsEvent }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const judges = useQuery({ queryKey: ['skills-judges', event.id], queryFn: () => skillsApi.judges(event.id) });
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm();
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ['skills-judges', event.id] });
    void client.invalidateQueries({ queryKey: ['skills-competition', competition.id] });
  };
  const add = async () => {
    const v = await form.validateFields();
    try {
      await skillsApi.addJudge(event.id, { ...v, username: v.username || null, isChief: !!v.isChief });
      setAdding(false);
      refresh();
    } catch (e) {
      showServerError(form, e, message);
    }
  };
  return (
    <div>
      <Alert type="info" showIcon message={t('skJudgeRule')} style={{ marginBottom: 12 }} />
      <Button type="primary" icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => { form.resetFields(); setAdding(true); }}>
        {t('skAddJudge')}
      </Button>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        loading={judges.isLoading}
        dataSource={judges.data?.items}
        locale={{ emptyText: <Empty description={t('skEmptyJudges')} /> }}
        data-testid="judges-table"
        columns={[
          { title: t('skPersonName'), render: (_, j) => <Space size={4}>{j.name}{j.isChief && <Tag color="gold">{t('skChief')}</Tag>}{j.isSample && <Tag color="orange">{t('skSample')}</Tag>}</Space> },
          { title: t('skUnit'), dataIndex: 'unit' },
          { title: t('skAccount'), render: (_, j) => j.username ?? '—' },
          {
            title: '',
            width: 80,
            render: (_, j) => (
              <Popconfirm title={t('skRemoveJudgeConfirm')} onConfirm={() => skillsApi.removeJudge(j.id).then(refresh, (e: unknown) => message.error(errorMessage(e)))}>
                <Button size="small" type="link" danger>
                  {t('skRemove')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <Modal open={adding} title={t('skAddJudge')} onOk={add} onCancel={() => setAdding(false)} okText={t('skSave')} cancelText={t('skCancel')} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="name" label={t('skPersonName')} rules={[{ required: true }]}><Input maxLength={100} /></Form.Item>
          <Form.Item name="unitId" label={t('skUnit')} rules={[{ required: true }]}><Select showSearch optionFilterProp="label" options={competition.units.map((u) => ({ value: u.id, label: u.name }))} /></Form.Item>
          <Form.Item name="username" label={t('skAccount')}><Input maxLength={64} /></Form.Item>
          <Form.Item name="isChief" valuePropName="checked"><Checkbox>{t('skChief')}</Checkbox></Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
