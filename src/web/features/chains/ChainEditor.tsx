import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Form, Input, InputNumber, List, Modal, Popconfirm, Row, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ChainDetail, ChainNode, CreateNodeInput, NodePosition } from '../../../shared/chains.js';
import { endpoints } from '../../api/endpoints.js';
import { applyFieldError, errorMessage } from '../../api/formErrors.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { POSITION_KEYS, POSITIONS } from './constants.js';

/** After any change to the map, the chain and every coverage figure built on it are stale. */
function useInvalidateChain(chainId: number) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['chain', chainId] });
    void qc.invalidateQueries({ queryKey: ['clusters'] });
  };
}

function usePositionOptions() {
  const { t } = useI18n();
  return POSITIONS.map((p) => ({ value: p, label: t(POSITION_KEYS[p]) }));
}

interface SettingsValues {
  name: string;
  description?: string;
  weakThreshold: number;
}

function SettingsForm({ chain }: { chain: ChainDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const invalidate = useInvalidateChain(chain.id);
  const [form] = Form.useForm<SettingsValues>();
  useEffect(() => {
    form.setFieldsValue({ name: chain.name, description: chain.description, weakThreshold: chain.weakThreshold });
  }, [chain.name, chain.description, chain.weakThreshold, form]);
  const save = useMutation({
    mutationFn: (v: SettingsValues) =>
      endpoints.updateChain(chain.id, { name: v.name.trim(), description: (v.description ?? '').trim(), weakThreshold: v.weakThreshold }),
    onSuccess: () => {
      message.success(t('saved'));
      invalidate();
    },
    onError: (err) => {
      if (!applyFieldError(form, err, ['name', 'description', 'weakThreshold'])) message.error(errorMessage(err));
    },
  });
  return (
    <Form<SettingsValues> form={form} layout="vertical" onFinish={(v) => save.mutate(v)} data-testid="chain-settings">
      <Row gutter={12}>
        <Col xs={24} md={10}>
          <Form.Item name="name" label={t('chainName')} rules={[{ required: true, whitespace: true, message: t('required', { field: t('chainName') }) }]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="weakThreshold" label={t('weakThreshold')} tooltip={t('weakThresholdHint')} rules={[{ required: true }]}>
            <InputNumber min={1} max={1000} precision={0} style={{ width: '100%' }} data-testid="weak-threshold" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="description" label={t('chainDescription')}>
            <Input maxLength={2000} />
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="save-chain">
        {t('save')}
      </Button>
    </Form>
  );
}

function AddNodeForm({ chain }: { chain: ChainDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const invalidate = useInvalidateChain(chain.id);
  const positions = usePositionOptions();
  const [form] = Form.useForm<CreateNodeInput>();
  const add = useMutation({
    mutationFn: (v: CreateNodeInput) => endpoints.createNode(chain.id, { ...v, name: v.name.trim() }),
    onSuccess: () => {
      message.success(t('nodeAdded'));
      form.resetFields(['name', 'sortOrder']);
      invalidate();
    },
    onError: (err) => {
      if (!applyFieldError(form, err, ['name', 'position', 'sortOrder'])) message.error(errorMessage(err));
    },
  });
  return (
    <Form<CreateNodeInput> form={form} layout="inline" initialValues={{ position: 'upstream' }} onFinish={(v) => add.mutate(v)} style={{ rowGap: 8 }}>
      <Form.Item name="name" rules={[{ required: true, whitespace: true, message: t('required', { field: t('nodeName') }) }]}>
        <Input placeholder={t('nodeName')} maxLength={100} style={{ width: 180 }} data-testid="new-node-name" />
      </Form.Item>
      <Form.Item name="position">
        <Select options={positions} style={{ width: 110 }} data-testid="new-node-position" />
      </Form.Item>
      <Form.Item name="sortOrder">
        <InputNumber placeholder={t('sortOrder')} min={0} max={10000} precision={0} style={{ width: 100 }} />
      </Form.Item>
      <Form.Item>
        <Button htmlType="submit" icon={<PlusOutlined />} loading={add.isPending} data-testid="add-node">
          {t('addNode')}
        </Button>
      </Form.Item>
    </Form>
  );
}

function LinksEditor({ chain }: { chain: ChainDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const invalidate = useInvalidateChain(chain.id);
  const [from, setFrom] = useState<number>();
  const [to, setTo] = useState<number>();
  const nameOf = (id: number) => chain.nodes.find((n) => n.id === id)?.name ?? `#${id}`;
  const options = chain.nodes.map((n) => ({ value: n.id, label: n.name }));
  const add = useMutation({
    mutationFn: () => endpoints.createLink(chain.id, { fromNodeId: from!, toNodeId: to! }),
    onSuccess: () => {
      message.success(t('linkAdded'));
      setFrom(undefined);
      setTo(undefined);
      invalidate();
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  const remove = useMutation({
    mutationFn: (id: number) => endpoints.deleteLink(id),
    onSuccess: () => {
      message.success(t('deleted'));
      invalidate();
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  return (
    <div>
      <Space wrap style={{ marginBottom: 8 }}>
        <Select showSearch optionFilterProp="label" placeholder={t('linkFrom')} options={options} value={from} onChange={setFrom} style={{ width: 180 }} data-testid="link-from" />
        <span>→</span>
        <Select showSearch optionFilterProp="label" placeholder={t('linkTo')} options={options} value={to} onChange={setTo} style={{ width: 180 }} data-testid="link-to" />
        <Button icon={<PlusOutlined />} disabled={!from || !to || from === to} loading={add.isPending} onClick={() => add.mutate()} data-testid="add-link">
          {t('addLink')}
        </Button>
      </Space>
      <List
        size="small"
        bordered
        dataSource={chain.links}
        locale={{ emptyText: t('noLinks') }}
        renderItem={(l) => (
          <List.Item
            data-testid="link-row"
            actions={[
              <Popconfirm key="del" title={t('deleteLinkConfirm')} onConfirm={() => remove.mutate(l.id)} okText={t('confirm')} cancelText={t('cancel')}>
                <Button type="text" danger size="small" icon={<DeleteOutlined />} aria-label={t('delete')} />
              </Popconfirm>,
            ]}
          >
            {nameOf(l.fromNodeId)} → {nameOf(l.toNodeId)}
          </List.Item>
        )}
      />
    </div>
  );
}

export function ChainEditor({ chain }: { chain: ChainDetail }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('editMap')} style={{ marginBottom: 12 }} data-testid="chain-editor">
      <Typography.Title level={5}>{t('chainSettings')}</Typography.Title>
      <SettingsForm chain={chain} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('addNode')}
      </Typography.Title>
      <AddNodeForm chain={chain} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('nodeLinks')}
      </Typography.Title>
      <LinksEditor chain={chain} />
    </Card>
  );
}

interface NodeValues {
  name: string;
  position: NodePosition;
  sortOrder: number;
}

export function EditNodeModal({ chainId, node, onClose }: { chainId: number; node: ChainNode; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const invalidate = useInvalidateChain(chainId);
  const positions = usePositionOptions();
  const [form] = Form.useForm<NodeValues>();
  const save = useMutation({
    mutationFn: (v: NodeValues) => endpoints.updateNode(node.id, { ...v, name: v.name.trim() }),
    onSuccess: () => {
      message.success(t('saved'));
      invalidate();
      onClose();
    },
    onError: (err) => {
      if (!applyFieldError(form, err, ['name', 'position', 'sortOrder'])) message.error(errorMessage(err));
    },
  });
  return (
    <Modal open title={t('editNode')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okText={t('save')} destroyOnHidden>
      <Form<NodeValues>
        form={form}
        layout="vertical"
        initialValues={{ name: node.name, position: node.position, sortOrder: node.sortOrder }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="name" label={t('nodeName')} rules={[{ required: true, whitespace: true, message: t('required', { field: t('nodeName') }) }]}>
          <Input maxLength={100} data-testid="edit-node-name" />
        </Form.Item>
        <Form.Item name="position" label={t('colPosition')}>
          <Select options={positions} />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('sortOrder')}>
          <InputNumber min={0} max={10000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function useDeleteNode(chainId: number) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const invalidate = useInvalidateChain(chainId);
  return useMutation({
    mutationFn: (id: number) => endpoints.deleteNode(id),
    onSuccess: () => {
      message.success(t('deleted'));
      invalidate();
    },
    onError: (err) => message.error(errorMessage(err)),
  });
}
