import type { Attachment, RequestRouting, ServiceRequestDetail, ServiceRequest, CreateServiceRequestInput } from '../../../shared/service-requests.js';
import { api, toQuery } from '../../api/client.js';

export interface ServiceFilters {
  q?: string;
  status?: string;
  category?: string;
  departmentCode?: string;
  regionCode?: string;
  flag?: string;
  sort?: string;
  order?: 'asc' | 'desc';
}

export const serviceApi = {
  list: (f: ServiceFilters & { page: number; pageSize: number }) => api<{ items: ServiceRequest[]; total: number }>(`/api/service-requests${toQuery({ ...f })}`),
  exportUrl: (f: ServiceFilters) => `/api/service-requests/export${toQuery({ ...f })}`,
  routing: () => api<RequestRouting>('/api/service-requests/routing'),
  get: (id: number) => api<ServiceRequestDetail>(`/api/service-requests/${id}`),
  create: (body: CreateServiceRequestInput) => api<{ id: number }>('/api/service-requests', { method: 'POST', body }),
  addDepartment: (id: number, departmentCode: string) => api<ServiceRequestDetail>(`/api/service-requests/${id}/assignments`, { method: 'POST', body: { departmentCode } }),
  transition: (id: number, departmentCode: string, to: string, note?: string) =>
    api<ServiceRequestDetail>(`/api/service-requests/${id}/assignments/${encodeURIComponent(departmentCode)}/transition`, { method: 'POST', body: note ? { to, note } : { to } }),
  confirm: (id: number, rating: number, comment?: string) => api<ServiceRequestDetail>(`/api/service-requests/${id}/confirm`, { method: 'POST', body: { rating, comment } }),
  reopen: (id: number, reason: string) => api<ServiceRequestDetail>(`/api/service-requests/${id}/reopen`, { method: 'POST', body: { reason } }),
  upload: (id: number, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api<Attachment>(`/api/service-requests/${id}/attachments`, { method: 'POST', body: form });
  },
};
