import type { CreatePolicyInput, MatchedPolicy, PolicyDetail, PolicyFilter, PolicyMatch, PolicyPage, UpdatePolicyInput } from '../../../shared/policies.js';
import type { CreateServiceRequestInput } from '../../../shared/service-requests.js';
import type { VisitKit } from '../../../shared/visit-kit.js';
import { api, toQuery } from '../../api/client.js';

export type PolicyListParams = Partial<PolicyFilter> & { page: number; pageSize: number };

// The policy slice's endpoints, kept beside the feature so the shared endpoints file is not a merge point.
export const policyApi = {
  list: (p: PolicyListParams) => api<PolicyPage>(`/api/policies${toQuery({ ...p })}`),
  exportUrl: (f: Partial<PolicyFilter>) => `/api/policies/export.xlsx${toQuery({ ...f })}`,
  get: (id: number) => api<PolicyDetail>(`/api/policies/${id}`),
  create: (body: CreatePolicyInput) => api<PolicyDetail>('/api/policies', { method: 'POST', body }),
  update: (id: number, body: UpdatePolicyInput) => api<PolicyDetail>(`/api/policies/${id}`, { method: 'PATCH', body }),
  remove: (id: number, version: number) => api<void>(`/api/policies/${id}${toQuery({ version })}`, { method: 'DELETE' }),
  matches: (id: number, kind: 'projects' | 'enterprises', page: number, pageSize: number) =>
    api<{ items: PolicyMatch[]; total: number }>(`/api/policies/${id}/matches${toQuery({ kind, page, pageSize })}`),
  forProject: (id: number) => api<{ items: MatchedPolicy[] }>(`/api/projects/${id}/policies`),
  forEnterprise: (id: number) => api<{ items: MatchedPolicy[] }>(`/api/enterprises/${id}/policies`),
  mine: () => api<{ items: MatchedPolicy[] }>('/api/my/policies'),
  visitKit: (id: number) => api<VisitKit>(`/api/enterprises/${id}/visit-kit`),
  // Built by the service-requests slice; the visit kit only posts to it.
  raiseRequest: (body: CreateServiceRequestInput) => api<{ id: number }>('/api/service-requests', { method: 'POST', body }),
};
