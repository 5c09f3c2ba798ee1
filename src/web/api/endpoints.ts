import type { TotpSetup } from '../../shared/auth.js';
import type { ChangePasswordBody, PasswordPolicy } from '../../shared/password-policy.js';
import type { AuditEntry } from '../../shared/audit.js';
import type { CurrentUser, SessionInfo } from '../../shared/auth.js';
import type { DashboardSummary } from '../../shared/dashboard.js';
import type {
  CreateProjectInput,
  Project,
  ProjectHistory,
  ProjectPage,
  TransitionInput,
  UpdateProjectInput,
} from '../../shared/projects.js';
import type { RegionList } from '../../shared/regions.js';
import type {
  ChainDetail,
  ChainSummary,
  ClusterList,
  CreateChainInput,
  CreateNodeInput,
  CreateNodeLinkInput,
  NodeDetail,
  TargetList,
  UpdateChainInput,
  UpdateNodeInput,
} from '../../shared/chains.js';
import type {
  CreateEnterpriseInput,
  CreateSupplyLinkInput,
  Enterprise,
  EnterpriseLinks,
  EnterprisePage,
  SupplyLink,
  UpdateEnterpriseInput,
} from '../../shared/enterprises.js';
import type { ImportJob } from '../../shared/imports.js';
import type {
  CreateLeadActivityInput,
  CreateLeadInput,
  Lead,
  LeadActivity,
  LeadBoard,
  LeadOwnerList,
  LeadPage,
  LeadTransitionInput,
  SignLeadInput,
  TargetLeadInput,
  UpdateLeadInput,
} from '../../shared/leads.js';
import { api, toQuery } from './client.js';

export type { CurrentUser, SessionInfo };

export interface ProjectFilters {
  region?: string;
  stage?: string;
  overdue?: 'true' | 'false';
  q?: string;
  enterpriseId?: number;
  blocked?: '1';
  sort?: string;
  order?: 'asc' | 'desc';
}

export interface EnterpriseFilters {
  q?: string;
  region?: string;
  local?: 'true' | 'false';
  leader?: 'true' | 'false';
  chainId?: number;
  nodeId?: number;
  size?: string;
  sort?: string;
  order?: 'asc' | 'desc';
}

export interface LeadFilters {
  q?: string;
  status?: string;
  source?: string;
  regionCode?: string;
  chainId?: number;
  nodeId?: number;
  ownerId?: string;
  referrerEnterpriseId?: number;
  eventId?: number;
  overdue?: 'true' | 'false';
  sort?: string;
  order?: 'asc' | 'desc';
}

export type ImportPath = 'enterprises' | 'supply-links';

export const endpoints = {
  login: (username: string, password: string, totp?: string) =>
    api<SessionInfo>('/api/auth/login', { method: 'POST', body: { username, password, ...(totp ? { totp } : {}) }, allow401: true }),
  totpSetup: () => api<TotpSetup>('/api/auth/totp/setup', { method: 'POST' }),
  totpEnable: (code: string) => api<void>('/api/auth/totp/enable', { method: 'POST', body: { code } }),
  totpDisable: (currentPassword: string) => api<void>('/api/auth/totp/disable', { method: 'POST', body: { currentPassword } }),
  logout: () => api<void>('/api/auth/logout', { method: 'POST', allow401: true }),
  me: () => api<SessionInfo>('/api/auth/me', { allow401: true }),
  passwordPolicy: () => api<PasswordPolicy>('/api/auth/password-policy'),
  changePassword: (body: ChangePasswordBody) => api<SessionInfo>('/api/auth/password', { method: 'POST', body }),
  regions: () => api<RegionList>('/api/regions'),
  dashboard: () => api<DashboardSummary>('/api/dashboard/summary'),
  projects: (f: ProjectFilters & { page: number; pageSize: number }) =>
    api<ProjectPage>(`/api/projects${toQuery({ ...f })}`),
  exportUrl: (f: ProjectFilters) => `/api/projects/export.xlsx${toQuery({ ...f })}`,
  project: (id: number) => api<Project>(`/api/projects/${id}`),
  history: (id: number) => api<ProjectHistory>(`/api/projects/${id}/history`),
  createProject: (body: CreateProjectInput) => api<Project>('/api/projects', { method: 'POST', body }),
  updateProject: (id: number, body: UpdateProjectInput) =>
    api<Project>(`/api/projects/${id}`, { method: 'PATCH', body }),
  transition: (id: number, body: TransitionInput) =>
    api<Project>(`/api/projects/${id}/transitions`, { method: 'POST', body }),
  audit: (q: { page: number; pageSize: number; entity?: string; entityId?: string }) =>
    api<{ items: AuditEntry[]; total: number }>(`/api/audit${toQuery(q)}`),

  // chain map
  clusters: () => api<ClusterList>('/api/clusters'),
  chain: (id: number) => api<ChainDetail>(`/api/chains/${id}`),
  chainExportUrl: (id: number) => `/api/chains/${id}/export.xlsx`,
  createChain: (body: CreateChainInput) => api<ChainSummary>('/api/chains', { method: 'POST', body }),
  updateChain: (id: number, body: UpdateChainInput) => api<unknown>(`/api/chains/${id}`, { method: 'PATCH', body }),
  createNode: (chainId: number, body: CreateNodeInput) =>
    api<unknown>(`/api/chains/${chainId}/nodes`, { method: 'POST', body }),
  updateNode: (id: number, body: UpdateNodeInput) => api<unknown>(`/api/chain-nodes/${id}`, { method: 'PATCH', body }),
  deleteNode: (id: number) => api<void>(`/api/chain-nodes/${id}`, { method: 'DELETE' }),
  createLink: (chainId: number, body: CreateNodeLinkInput) =>
    api<unknown>(`/api/chains/${chainId}/links`, { method: 'POST', body }),
  deleteLink: (id: number) => api<void>(`/api/chain-links/${id}`, { method: 'DELETE' }),
  node: (id: number) => api<NodeDetail>(`/api/chain-nodes/${id}`),
  targets: (nodeId: number) => api<TargetList>(`/api/chain-nodes/${nodeId}/targets`),

  // enterprises
  enterprises: (f: EnterpriseFilters & { page: number; pageSize: number }) =>
    api<EnterprisePage>(`/api/enterprises${toQuery({ ...f })}`),
  enterpriseExportUrl: (f: EnterpriseFilters) => `/api/enterprises/export.xlsx${toQuery({ ...f })}`,
  enterprise: (id: number) => api<Enterprise>(`/api/enterprises/${id}`),
  createEnterprise: (body: CreateEnterpriseInput) => api<Enterprise>('/api/enterprises', { method: 'POST', body }),
  updateEnterprise: (id: number, body: UpdateEnterpriseInput) =>
    api<Enterprise>(`/api/enterprises/${id}`, { method: 'PATCH', body }),
  enterpriseLinks: (id: number) => api<EnterpriseLinks>(`/api/enterprises/${id}/links`),
  createSupplyLink: (body: CreateSupplyLinkInput) => api<SupplyLink>('/api/supply-links', { method: 'POST', body }),
  deleteSupplyLink: (id: number) => api<void>(`/api/supply-links/${id}`, { method: 'DELETE' }),

  // leads
  recordTarget: (body: TargetLeadInput) => api<Lead>('/api/leads/from-target', { method: 'POST', body }),
  createLead: (body: CreateLeadInput) => api<Lead>('/api/leads', { method: 'POST', body }),
  leads: (f: LeadFilters & { page: number; pageSize: number }) => api<LeadPage>(`/api/leads${toQuery({ ...f })}`),
  leadsExportUrl: (f: LeadFilters) => `/api/leads/export.xlsx${toQuery({ ...f })}`,
  leadBoard: (f: LeadFilters) => api<LeadBoard>(`/api/leads/board${toQuery({ ...f, limit: 50 })}`),
  leadReminders: () => api<LeadPage>('/api/leads/reminders'),
  leadOwners: () => api<LeadOwnerList>('/api/leads/owners'),
  lead: (id: number) => api<Lead>(`/api/leads/${id}`),
  updateLead: (id: number, body: UpdateLeadInput) => api<Lead>(`/api/leads/${id}`, { method: 'PATCH', body }),
  transitionLead: (id: number, body: LeadTransitionInput) => api<Lead>(`/api/leads/${id}/transition`, { method: 'POST', body }),
  leadActivities: (id: number) => api<{ items: LeadActivity[] }>(`/api/leads/${id}/activities`),
  addLeadActivity: (id: number, body: CreateLeadActivityInput) =>
    api<{ items: LeadActivity[] }>(`/api/leads/${id}/activities`, { method: 'POST', body }),
  signLead: (id: number, body: SignLeadInput) => api<Project>(`/api/leads/${id}/sign`, { method: 'POST', body }),

  // imports (the uploads themselves go through features/imports/upload.ts: multipart, not JSON)
  importTemplateUrl: (kind: ImportPath) => `/api/imports/templates/${kind}.xlsx`,
  importJob: (id: number) => api<ImportJob>(`/api/imports/${id}`),
  importErrorsUrl: (id: number) => `/api/imports/${id}/errors.xlsx`,
};
