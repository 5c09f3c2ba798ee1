import type {
  ApplyTemplateInput,
  ApprovalItem,
  ApprovalQueuePage,
  ApprovalTemplateList,
  CreateApprovalInput,
  ProjectServices,
  PutFactorInput,
  PutTemplateInput,
  UpdateApprovalInput,
} from '../../../shared/approvals.js';
import type { FactorKind, ProjectType } from '../../../shared/service-catalog.js';
import { api, toQuery } from '../../api/client.js';

export interface ApprovalQueueFilters {
  status?: string;
  departmentCode?: string;
  regionCode?: string;
  q?: string;
  sort?: 'updatedAt' | 'submittedOn' | 'projectName';
  order?: 'asc' | 'desc';
}

export const approvalApi = {
  services: (projectId: number) => api<ProjectServices>(`/api/projects/${projectId}/services`),
  applyTemplate: (projectId: number, body: ApplyTemplateInput) => api<ProjectServices>(`/api/projects/${projectId}/approvals/apply-template`, { method: 'POST', body }),
  create: (projectId: number, body: CreateApprovalInput) => api<ApprovalItem>(`/api/projects/${projectId}/approvals`, { method: 'POST', body }),
  update: (id: number, body: UpdateApprovalInput) => api<ApprovalItem>(`/api/approvals/${id}`, { method: 'PATCH', body }),
  remove: (id: number, version: number) => api<void>(`/api/approvals/${id}`, { method: 'DELETE', body: { version } }),
  putFactor: (projectId: number, kind: FactorKind, body: PutFactorInput) => api<ProjectServices>(`/api/projects/${projectId}/factors/${kind}`, { method: 'PUT', body }),
  removeFactor: (projectId: number, kind: FactorKind) => api<void>(`/api/projects/${projectId}/factors/${kind}`, { method: 'DELETE' }),
  queue: (f: ApprovalQueueFilters & { page: number; pageSize: number }) => api<ApprovalQueuePage>(`/api/approvals${toQuery({ ...f })}`),
  exportUrl: (f: ApprovalQueueFilters) => `/api/approvals/export.xlsx${toQuery({ ...f })}`,
  templates: () => api<ApprovalTemplateList>('/api/approval-templates'),
  putTemplate: (projectType: ProjectType, body: PutTemplateInput) => api<ApprovalTemplateList>(`/api/approval-templates/${projectType}`, { method: 'PUT', body }),
  /** Built by the service-requests slice (contract): multipart field "file", owner_type 'approval'. */
  upload: (id: number, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api<{ id: number; fileName: string; mime: string; sizeBytes: number }>(`/api/approvals/${id}/attachments`, { method: 'POST', body: form });
  },
  attachmentUrl: (id: number) => `/api/attachments/${id}`,
};
