import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Col, Form, Input, InputNumber, List, Popconfirm, Row, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { AWARD_KIND_LABELS, AWARD_KINDS, type ContestDetail } from '../../../shared/livestream.js';
import { errorMessage } from '../../api/formErrors.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { livestreamApi, type ItemKind } from './api.js';
import { ContestantStatusTag, yuan } from './labels.js';

function ItemList<T extends { id: number }>(props: { contest: ContestDetail; kind: ItemKind; title: string; items: T[]; render: (item: T) => string; empty?: string; fields: { name: string; label: string; kind?: 'number' | 'award' }[] }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['ls-contest', props.contest.id] });
  const manage = props.contest.canManage && !props.contest.settledAt;
  async function add(values: Record<string, unknown>) {
    try {
      await livestreamApi.addItem(props.contest.id, props.kind, values);
      form.resetFields();
      await refresh();
    } catch (err) {
      message.error(errorMessage(err));
    }
  }
  return (
    <Card size="small" title={props.title} data-testid={`ls-${props.kind}`}>
      <List
        size="small"
        dataSource={props.items}
        locale={{ emptyText: props.empty ?? '—' }}
        renderItem={(item) => (
          <List.Item
            actions={
              manage
                ? [
                    <Popconfirm key="rm" title={t('lsRemoveConfirm', { name: props.render(item) })} onConfirm={() => livestreamApi.removeItem(props.contest.id, props.kind, item.id).then(refresh, (e) => message.error(errorMessage(e)))}>
                      <Button size="small" type="link" danger>{t('lsRemove')}</Button>
                    </Popconfirm>,
                  ]
                : []
            }
          >
            {props.render(item)}
          </List.Item>
        )}
      />
      {manage && (
        <Form form={form} layout="inline" onFinish={(v) => void add(v)} style={{ marginTop: 8, rowGap: 8 }}>
          {props.fields.map((f) => (
            <Form.Item key={f.name} name={f.name} rules={[{ required: true, message: f.label }]} initialValue={f.kind === 'number' ? 1 : f.kind === 'award' ? 'sales' : undefined}>
              {f.kind === 'number' ? (
                <InputNumber min={1} max={50} placeholder={f.label} style={{ width: 90 }} />
              ) : f.kind === 'award' ? (
                <Select style={{ width: 180 }} options={AWARD_KINDS.map((k) => ({ value: k, label: AWARD_KIND_LABELS[k][lang] }))} />
              ) : (
                <Input placeholder={f.label} style={{ width: 160 }} />
              )}
            </Form.Item>
          ))}
          <Button htmlType="submit">{t('lsAdd')}</Button>
        </Form>
      )}
    </Card>
  );
}

function MyRegistration({ contest }: { contest: ContestDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [saving, setSaving] = useState(false);
  const board = useQuery({ queryKey: ['ls-board', contest.id, 'mine'], queryFn: () => livestreamApi.board(contest.id, {}), enabled: contest.mine?.status === 'approved' });
  const mine = contest.mine;
  const row = board.data?.rows.find((r) => r.contestantId === mine?.id);
  if (mine) {
    return (
      <Card size="small" title={t('lsMine')} data-testid="ls-mine">
        <Space direction="vertical">
          <Space>{mine.name} · {mine.accountName} · {t('lsCRegNo')} {mine.regNo} <ContestantStatusTag status={mine.status} /></Space>
          {mine.reviewNote && <Typography.Text type="secondary">{mine.reviewNote}</Typography.Text>}
          {row && <Typography.Text strong>{t('lsMineRank', { rank: row.rank, net: yuan(row.netFen) })}</Typography.Text>}
        </Space>
      </Card>
    );
  }
  return (
    <Card size="small" title={t('lsMine')}>
      <Typography.Paragraph>{t('lsMineNone')}</Typography.Paragraph>
      {contest.phase === 'registration' && (
        <Form
          layout="vertical"
          style={{ maxWidth: 420 }}
          onFinish={async (v) => {
            setSaving(true);
            try {
              await livestreamApi.register(contest.id, v);
              message.success(t('lsRegistered'));
              await queryClient.invalidateQueries({ queryKey: ['ls-contest', contest.id] });
            } catch (err) {
              message.error(errorMessage(err));
            } finally {
              setSaving(false);
            }
          }}
        >
          <Form.Item name="name" label={t('lsCName')} rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="accountName" label={t('lsCAccount')} rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="authorId" label={t('lsCAuthor')} rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="phone" label={t('lsCPhone')}><Input /></Form.Item>
          <Form.Item name="isNewcomer" valuePropName="checked"><Checkbox>{t('lsCNewcomer')}</Checkbox></Form.Item>
          <Button type="primary" htmlType="submit" loading={saving}>{t('lsRegister')}</Button>
        </Form>
      )}
    </Card>
  );
}

export function OverviewTab({ contest }: { contest: ContestDetail }) {
  const { t, lang } = useI18n();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={14}>
        <Space direction="vertical" style={{ width: '100%' }}>
          {!contest.canManage && !contest.canJudge && <MyRegistration contest={contest} />}
          <Card size="small" title={t('lsRules')} data-testid="ls-rules">
            <ol style={{ paddingLeft: 20, margin: 0 }}>
              {contest.rules.map((r) => <li key={r.zh} style={{ marginBottom: 6 }}>{r[lang]}</li>)}
            </ol>
            {contest.rulesNote && <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>{contest.rulesNote}</Typography.Paragraph>}
          </Card>
        </Space>
      </Col>
      <Col xs={24} lg={10}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <ItemList contest={contest} kind="awards" title={t('lsAwards')} items={contest.awards} render={(a) => `${a.name} · ${AWARD_KIND_LABELS[a.kind][lang]} · ${a.places}`} fields={[{ name: 'name', label: t('lsAwardName') }, { name: 'kind', label: t('lsAwardKind'), kind: 'award' }, { name: 'places', label: t('lsAwardPlaces'), kind: 'number' }]} />
          <ItemList contest={contest} kind="products" title={t('lsProducts')} items={contest.products} empty={t('lsProductsAll')} render={(p) => `${p.name}(${p.productId})`} fields={[{ name: 'productId', label: t('lsProductId') }, { name: 'name', label: t('lsProductName') }]} />
          <ItemList contest={contest} kind="ambassadors" title={t('lsAmbassadors')} items={contest.ambassadors} render={(a) => `${a.name} · 抖音“${a.accountName}”${a.title ? ` · ${a.title}` : ''}`} fields={[{ name: 'name', label: t('lsAmbName') }, { name: 'accountName', label: t('lsAmbAccount') }, { name: 'title', label: t('lsAmbTitle') }]} />
        </Space>
      </Col>
    </Row>
  );
}
