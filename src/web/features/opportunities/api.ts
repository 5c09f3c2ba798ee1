import type {
  CreateOpportunityInput,
  InterestPage,
  Opportunity,
  OpportunityPage,
  PublicInterestInput,
  PublicList,
  UpdateOpportunityInput,
} from '../../../shared/opportunities.js';
import { api, toQuery } from '../../api/client.js';

export interface OpportunityFilters {
  q?: string;
  region?: string;
  published?: 'true' | 'false';
  page: number;
  pageSize: number;
}

export const opportunityApi = {
  publicList: (lang: 'zh' | 'en') => api<PublicList>(`/api/public/opportunities${toQuery({ lang })}`),
  submitInterest: (body: PublicInterestInput) => api<{ received: true }>('/api/public/interests', { method: 'POST', body, allow401: true }),
  list: (f: OpportunityFilters) => api<OpportunityPage>(`/api/opportunities${toQuery({ ...f })}`),
  create: (body: CreateOpportunityInput) => api<Opportunity>('/api/opportunities', { method: 'POST', body }),
  update: (id: number, body: UpdateOpportunityInput) => api<Opportunity>(`/api/opportunities/${id}`, { method: 'PATCH', body }),
  setPublished: (id: number, published: boolean, version: number) =>
    api<Opportunity>(`/api/opportunities/${id}/${published ? 'publish' : 'unpublish'}`, { method: 'POST', body: { version } }),
  remove: (id: number, version: number) => api<void>(`/api/opportunities/${id}`, { method: 'DELETE', body: { version } }),
  interests: (f: { q?: string; page: number; pageSize: number }) => api<InterestPage>(`/api/opportunities/interests${toQuery({ ...f })}`),
};
