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
import { api, toQuery } from './client.js';

export type { CurrentUser, SessionInfo };

export interface ProjectFilters {
  region?: string;
  stage?: string;
  overdue?: 'true' | 'false';
  q?: string;
  sort?: string;
  order?: 'asc' | 'desc';
}

export const endpoints = {
  login: (username: string, password: string) =>
    api<SessionInfo>('/api/auth/login', { method: 'POST', body: { username, password }, allow401: true }),
  logout: () => api<void>('/api/auth/logout', { method: 'POST', allow401: true }),
  me: () => api<SessionInfo>('/api/auth/me', { allow401: true }),
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
};
