import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Form, Input, Modal, Popconfirm, Row, Select, Space, Table, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { isContestRole, ROLES } from '../../../shared/roles.js';
import type { UserAccount } from '../../../shared/users.js';
import { errorMessage } from '../../api/formErrors.js';
import { patchSearchParams } from '../../api/searchParams.js';
import { useRegions } from '../../api/useRegions.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { serviceApi } from '../services/api.js';
import { userApi } from './api.js';
import { UserFormModal } from './UserFormModal.js';

export default function UsersPage() {
  const { t, lang, role: roleName } = useI18n();
  const qc = useQueryClient();
  const { nameOf } = useRegions();
  const [search, setSearch] = useSearchParams();
  const page = Math.max(1, Number(search.get('page')) || 1);
  const pageSize = Math.min(100, Math.max(1, Number(search.get('pageSize')) || 20));
  const q = search.get('q') || undefined;
  const role = search.get('role') || undefined;
  const active = search.get('active') || undefined;
  const set = (patch: Record<string, string | number | undefined>) => setSearch((prev) => patchSearchParams(prev, { page: 1, ...patch }));
  const [editing, setEditing] = useState<UserAccount | null | 'new'>(null);
  const [resetting, setResetting] = useState<UserAccount | null>(null);
  const [resetForm] = Form.useForm<{ password: string }>();

  const users = useQuery({ queryKey: ['users', { page, pageSize, q, role, active }], queryFn: () => userApi.list({ page, pageSize, q, role, active }), placeholderData: keepPreviousData });
  const refresh = () => qc.invalidateQueries({ queryKey: ['users'] });

  const toggle = async (u: UserAccount) => {
    try {
      await userApi.update(u.id, { active: !u.active });
      message.success(t('usSaved'));
      await refresh();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const reset = async ({ password }: { password: string }) => {
    try {
      await userApi.resetPassword(resetting!.id, password);
      message.success(t('usResetDone', { name: resetting!.displayName }));
      setResetting(null);
    } catch (err) {
      resetForm.setFields([{ name: 'password', errors: [errorMessage(err)] }]);
    }
  };

  const routing = useQuery({ queryKey: ['service-routing'], queryFn: serviceApi.routing, staleTime: 300_000 });
  const departmentName = (code: string | null) => {
    const d = routing.data?.departments.find((x) => x.code === code);
    return d ? (lang === 'en' ? d.nameEn : d.name) : code;
  };
  const scopeOf = (u: UserAccount) => {
    if (u.role === 'region') return u.regionCodes.map((c) => nameOf(c)).join('、');
    if (u.role === 'department') return departmentName(u.department);
    if (u.role === 'enterprise') return u.enterpriseName ?? u.enterpriseUscc;
    return isContestRole(u.role) ? '—' : t('usScopeAll');
  };

  return (
    <div>
      <div className="page-head">
        <Typography.Title level={4}>{t('usTitle')}</Typography.Title>
        <Button type="primary" onClick={() => setEditing('new')} data-testid="user-new">
          {t('usNew')}
        </Button>
      </div>
      <Card size="small">
        <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
          <Col xs={24} md={8}>
            <Input.Search allowClear placeholder={t('usSearch')} defaultValue={q} onSearch={(v) => set({ q: v.trim() || undefined })} data-testid="user-search" />
          </Col>
          <Col xs={12} md={5}>
            <Select allowClear style={{ width: '100%' }} placeholder={t('usAllRoles')} value={role} onChange={(v?: string) => set({ role: v })} options={ROLES.map((r) => ({ value: r, label: roleName(r) }))} />
          </Col>
          <Col xs={12} md={5}>
            <Select allowClear style={{ width: '100%' }} placeholder={t('usAllStatus')} value={active} onChange={(v?: string) => set({ active: v })} options={[{ value: 'true', label: t('usActive') }, { value: 'false', label: t('usDisabled') }]} />
          </Col>
        </Row>
        {users.isError && <Alert type="error" showIcon message={users.error.message} style={{ marginBottom: 12 }} />}
        <Table<UserAccount>
          rowKey="id"
          size="small"
          data-testid="user-table"
          loading={users.isFetching}
          dataSource={users.data?.items ?? []}
          scroll={{ x: 900 }}
          locale={{ emptyText: t('usEmpty') }}
          pagination={{ current: page, pageSize, total: users.data?.total ?? 0, showTotal: (n) => `${n}`, onChange: (p, ps) => set({ page: p, pageSize: ps }) }}
          columns={[
            { title: t('usColUser'), dataIndex: 'username', width: 130 },
            { title: t('usColName'), dataIndex: 'displayName', width: 200 },
            { title: t('usColRole'), dataIndex: 'role', width: 120, render: (r: UserAccount['role']) => <Tag color="blue">{roleName(r)}</Tag> },
            { title: t('usColScope'), key: 'scope', render: (_, u) => scopeOf(u) },
            { title: t('usCol2fa'), dataIndex: 'totpEnabled', width: 90, render: (on: boolean) => (on ? <Tag color="green">{t('usYes')}</Tag> : <Typography.Text type="secondary">{t('usNo')}</Typography.Text>) },
            { title: t('usColStatus'), dataIndex: 'active', width: 80, render: (on: boolean) => (on ? <Tag color="green">{t('usActive')}</Tag> : <Tag>{t('usDisabled')}</Tag>) },
            {
              title: t('usColActions'),
              key: 'actions',
              width: 220,
              render: (_, u) => (
                <Space size={0} wrap>
                  <Button type="link" size="small" onClick={() => setEditing(u)} data-testid={`user-edit-${u.username}`}>{t('usEdit')}</Button>
                  <Button type="link" size="small" onClick={() => setResetting(u)} data-testid={`user-reset-${u.username}`}>{t('usResetPassword')}</Button>
                  {u.active ? (
                    <Popconfirm title={t('usDisableConfirm', { name: u.displayName })} onConfirm={() => toggle(u)} okButtonProps={{ danger: true, 'data-testid': 'user-disable-ok' } as { danger: boolean }}>
                      <Button type="link" size="small" danger data-testid={`user-disable-${u.username}`}>{t('usDisable')}</Button>
                    </Popconfirm>
                  ) : (
                    <Button type="link" size="small" onClick={() => toggle(u)} data-testid={`user-enable-${u.username}`}>{t('usEnable')}</Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <UserFormModal
        open={editing !== null}
        account={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={async (a) => {
          message.success(editing === 'new' ? t('usCreated', { name: a.displayName }) : t('usSaved'));
          setEditing(null);
          await refresh();
        }}
      />
      <Modal open={!!resetting} title={`${t('usResetPassword')} · ${resetting?.displayName ?? ''}`} onCancel={() => setResetting(null)} onOk={() => resetForm.submit()} destroyOnHidden okButtonProps={{ 'data-testid': 'user-reset-ok' } as Record<string, string>}>
        <Form form={resetForm} layout="vertical" onFinish={reset} preserve={false}>
          <Form.Item name="password" label={t('usNewPassword')} rules={[{ required: true, message: t('usRequired', { field: t('usNewPassword') }) }]}>
            <Input.Password autoComplete="new-password" data-testid="user-reset-password" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
