import type { CreateUserBody, UpdateUserBody, UserAccount, UserPage } from '../../../shared/users.js';
import { api, toQuery } from '../../api/client.js';

export const userApi = {
  list: (params: { page: number; pageSize: number; q?: string; role?: string; active?: string }) => api<UserPage>(`/api/users${toQuery(params)}`),
  create: (body: CreateUserBody) => api<UserAccount>('/api/users', { method: 'POST', body }),
  update: (id: number, body: UpdateUserBody) => api<UserAccount>(`/api/users/${id}`, { method: 'PATCH', body }),
  resetPassword: (id: number, password: string) => api<void>(`/api/users/${id}/password`, { method: 'POST', body: { password } }),
};
