import { useQuery } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { ROLES, type Role } from '../../../shared/roles.js';
import type { UserAccount } from '../../../shared/users.js';
import { applyFieldError, errorMessage } from '../../api/formErrors.js';
import { useRegions } from '../../api/useRegions.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { serviceApi } from '../services/api.js';
import { userApi } from './api.js';

interface Values {
  username: string;
  displayName: string;
  password?: string;
  role: Role;
  regionCodes?: string[];
  department?: string;
  enterpriseUscc?: string;
}

/** Creates an account, or edits one (`account`): name, role and the scope that role needs. */
export function UserFormModal({ account, open, onClose, onSaved }: { account: UserAccount | null; open: boolean; onClose: () => void; onSaved: (a: UserAccount) => void }) {
  const { t, lang, role: roleName } = useI18n();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const { regions } = useRegions();
  const routing = useQuery({ queryKey: ['service-routing'], queryFn: serviceApi.routing, staleTime: 300_000, enabled: open });
  const role = Form.useWatch('role', form);

  useEffect(() => {
    if (!open) return;
    setFailure(null);
    form.setFieldsValue(
      account
        ? { username: account.username, displayName: account.displayName, role: account.role, regionCodes: account.regionCodes, department: account.department ?? undefined, enterpriseUscc: account.enterpriseUscc ?? undefined }
        : { username: '', displayName: '', password: '', role: 'region', regionCodes: [], department: undefined, enterpriseUscc: undefined },
    );
  }, [open, account, form]);

  const submit = async (v: Values) => {
    setSaving(true);
    setFailure(null);
    const scope = { regionCodes: v.role === 'region' ? v.regionCodes ?? [] : [], department: v.role === 'department' ? v.department ?? null : null, enterpriseUscc: v.role === 'enterprise' ? v.enterpriseUscc?.trim() ?? null : null };
    try {
      const saved = account
        ? await userApi.update(account.id, { displayName: v.displayName, role: v.role, ...scope })
        : await userApi.create({ username: v.username.trim(), displayName: v.displayName, password: v.password ?? '', role: v.role, ...scope });
      onSaved(saved);
    } catch (err) {
      if (!applyFieldError(form, err, ['username', 'displayName', 'role', 'regionCodes', 'department', 'enterpriseUscc', 'newPassword'], { newPassword: 'password' })) setFailure(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  const required = (field: string) => [{ required: true, message: t('usRequired', { field }) }];
  return (
    <Modal open={open} title={account ? `${t('usEdit')} · ${account.username}` : t('usNew')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={saving} destroyOnHidden okButtonProps={{ 'data-testid': 'user-save' } as Record<string, string>}>
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="username" label={t('usColUser')} rules={required(t('usColUser'))}>
          <Input disabled={!!account} autoComplete="off" data-testid="user-username" />
        </Form.Item>
        <Form.Item name="displayName" label={t('usColName')} rules={required(t('usColName'))}>
          <Input data-testid="user-display-name" />
        </Form.Item>
        {!account && (
          <Form.Item name="password" label={t('usPassword')} rules={required(t('usPassword'))}>
            <Input.Password autoComplete="new-password" data-testid="user-password" />
          </Form.Item>
        )}
        <Form.Item name="role" label={t('usColRole')} rules={required(t('usColRole'))}>
          <Select data-testid="user-role" options={ROLES.map((r) => ({ value: r, label: roleName(r) }))} />
        </Form.Item>
        {role === 'region' && (
          <Form.Item name="regionCodes" label={t('usRegions')} rules={required(t('usRegions'))}>
            <Select mode="multiple" data-testid="user-regions" options={regions.filter((r) => r.kind !== 'prefecture').map((r) => ({ value: r.code, label: lang === 'en' ? r.nameEn : r.name }))} />
          </Form.Item>
        )}
        {role === 'department' && (
          <Form.Item name="department" label={t('usDepartment')} rules={required(t('usDepartment'))}>
            <Select data-testid="user-department" options={(routing.data?.departments ?? []).map((d) => ({ value: d.code, label: lang === 'en' ? d.nameEn : d.name }))} />
          </Form.Item>
        )}
        {role === 'enterprise' && (
          <Form.Item name="enterpriseUscc" label={t('usEnterprise')} rules={required(t('usEnterprise'))}>
            <Input maxLength={18} data-testid="user-enterprise" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
