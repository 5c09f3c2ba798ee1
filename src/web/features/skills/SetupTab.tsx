import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { SKILLS_CATEGORIES, SKILLS_CATEGORY_LABELS, UNIT_KINDS, type CompetitionDetail } from '../../../shared/skills.js';
import { shanghaiDateTime } from '../../../shared/skills-format.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { skillsApi } from './api.js';
import { showServerError } from './formError.js';

// Events with their host unit and venue, the delegations by prefecture, the units, and the rules.

type Dialog = 'event' | 'delegation' | 'unit' | 'rules' | null;

export function SetupTab({ competition: c }: { competition: CompetitionDetail }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm();
  const open = (d: Dialog, values: Record<string, unknown> = {}) => {
    form.resetFields();
    form.setFieldsValue(values);
    setDialog(d);
  };
  const submit = async () => {
    const v = await form.validateFields();
    try {
      if (dialog === 'event') await skillsApi.addEvent(c.id, { ...v, startsOn: v.startsOn.format('YYYY-MM-DD') });
      if (dialog === 'delegation') await skillsApi.addDelegation(c.id, v);
      if (dialog === 'unit') await skillsApi.addUnit(c.id, { ...v, delegationId: v.delegationId ?? null });
      if (dialog === 'rules') {
        await skillsApi.updateCompetition(c.id, {
          name: c.name,
          site: c.site,
          startsOn: c.startsOn,
          endsOn: c.endsOn,
          ...v,
          releaseAt: v.releaseAt ? v.releaseAt.format('YYYY-MM-DDTHH:mm:00+08:00') : null,
        });
      }
      message.success(t('skSaved'));
      setDialog(null);
      void client.invalidateQueries({ queryKey: ['skills-competition', c.id] });
    } catch (e) {
      showServerError(form, e, message);
    }
  };
  const unitName = (id: number | null) => c.units.find((u) => u.id === id)?.name ?? '—';
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card
        size="small"
        title={t('skEvents')}
        extra={
          <Space>
            <Button
              onClick={() =>
                open('rules', {
                  judgesPerUnit: c.judgesPerUnit,
                  contestantsPerUnit: c.contestantsPerUnit,
                  spreadTolerance: c.spreadTolerance,
                  appealHours: c.appealHours,
                  // The picker shows Beijing wall time whatever the browser's zone; it is sent back with +08:00.
                  releaseAt: c.releaseAt ? dayjs(shanghaiDateTime(c.releaseAt)) : null,
                })
              }
            >
              {t('skEditRules')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => open('event', { categories: [...SKILLS_CATEGORIES], places: 1, judgesPerAspect: 3, minAge: 16, maxAge: 60 })}>
              {t('skAddEvent')}
            </Button>
          </Space>
        }
      >
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: 800 }}
          dataSource={c.events}
          columns={[
            { title: t('skCode'), dataIndex: 'code', width: 90 },
            { title: t('skName'), dataIndex: 'name' },
            { title: t('skHost'), render: (_, e) => e.hostUnit ?? '—' },
            { title: t('skVenue'), dataIndex: 'venue' },
            { title: t('skStartsOn'), dataIndex: 'startsOn', width: 110 },
            { title: t('skPlaces'), dataIndex: 'places', width: 80 },
            { title: t('skCounts'), width: 110, render: (_, e) => `${e.contestants} / ${e.judges}` },
          ]}
        />
      </Card>
      <Card size="small" title={`${t('skDelegations')}(${c.delegations.length})`} extra={<Button icon={<PlusOutlined />} onClick={() => open('delegation')}>{t('skAddDelegation')}</Button>}>
        <Space wrap>
          {c.delegations.map((d) => (
            <Tag key={d.id}>{d.prefecture}</Tag>
          ))}
        </Space>
      </Card>
      <Card size="small" title={`${t('skUnits')}(${c.units.length})`} extra={<Button icon={<PlusOutlined />} onClick={() => open('unit', { kind: 'school' })}>{t('skAddUnit')}</Button>}>
        <Table
          size="small"
          rowKey="id"
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          dataSource={c.units}
          columns={[
            { title: t('skName'), dataIndex: 'name' },
            { title: t('skUnitKind'), width: 100, render: (_, u) => t(`skKind_${u.kind}`) },
            { title: t('skPrefecture'), width: 180, render: (_, u) => u.prefecture ?? '—' },
          ]}
        />
      </Card>
      <Modal open={dialog !== null} title={dialog ? t(({ event: 'skAddEvent', delegation: 'skAddDelegation', unit: 'skAddUnit', rules: 'skEditRules' } as const)[dialog]) : ''} onOk={submit} onCancel={() => setDialog(null)} okText={t('skSave')} cancelText={t('skCancel')} destroyOnHidden>
        <Form form={form} layout="vertical">
          {dialog === 'event' && (
            <>
              <Form.Item name="code" label={t('skCode')} rules={[{ required: true }]}><Input maxLength={20} /></Form.Item>
              <Form.Item name="name" label={t('skName')} rules={[{ required: true }]}><Input maxLength={200} /></Form.Item>
              <Form.Item name="hostUnitId" label={t('skHost')}><Select allowClear options={c.units.map((u) => ({ value: u.id, label: u.name }))} /></Form.Item>
              <Form.Item name="venue" label={t('skVenue')}><Input maxLength={200} /></Form.Item>
              <Form.Item name="startsOn" label={t('skStartsOn')} rules={[{ required: true }]}><DatePicker /></Form.Item>
              <Form.Item name="categories" label={t('skCategory')} rules={[{ required: true }]}><Checkbox.Group options={SKILLS_CATEGORIES.map((k) => ({ value: k, label: SKILLS_CATEGORY_LABELS[k][lang] }))} /></Form.Item>
              <Space wrap>
                <Form.Item name="minAge" label="≥"><InputNumber min={14} max={70} /></Form.Item>
                <Form.Item name="maxAge" label="≤"><InputNumber min={14} max={70} /></Form.Item>
                <Form.Item name="places" label={t('skPlaces')}><InputNumber min={0} max={100} /></Form.Item>
                <Form.Item name="judgesPerAspect" label={t('skJudges')}><InputNumber min={1} max={9} /></Form.Item>
              </Space>
            </>
          )}
          {dialog === 'delegation' && (
            <>
              <Form.Item name="prefecture" label={t('skPrefecture')} rules={[{ required: true }]}><Input maxLength={100} /></Form.Item>
              <Form.Item name="leader" label={t('skLeader')}><Input maxLength={100} /></Form.Item>
            </>
          )}
          {dialog === 'unit' && (
            <>
              <Form.Item name="name" label={t('skName')} rules={[{ required: true }]}><Input maxLength={200} /></Form.Item>
              <Form.Item name="kind" label={t('skUnitKind')} rules={[{ required: true }]}><Select options={UNIT_KINDS.map((k) => ({ value: k, label: t(`skKind_${k}`) }))} /></Form.Item>
              <Form.Item name="delegationId" label={t('skDelegations')}><Select allowClear options={c.delegations.map((d) => ({ value: d.id, label: d.prefecture }))} /></Form.Item>
            </>
          )}
          {dialog === 'rules' && (
            <>
              <Form.Item name="contestantsPerUnit" label={t('skContestantsPerUnit')} rules={[{ required: true }]}><InputNumber min={1} max={20} /></Form.Item>
              <Form.Item name="judgesPerUnit" label={t('skJudgesPerUnit')} rules={[{ required: true }]}><InputNumber min={1} max={10} /></Form.Item>
              <Form.Item name="spreadTolerance" label={t('skTolerance')} rules={[{ required: true }]}><InputNumber min={0} max={3} /></Form.Item>
              <Form.Item name="releaseAt" label={t('skReleaseAt')}><DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" /></Form.Item>
              <Form.Item name="appealHours" label={t('skAppealHours')} rules={[{ required: true }]}><InputNumber min={0} max={72} /></Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </Space>
  );
}
