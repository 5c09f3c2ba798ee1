import type {
  CertificateCheck,
  Competition,
  CompetitionDetail,
  CompetitionInput,
  ContestantFilter,
  ContestantInput,
  EventInput,
  JudgeInput,
  JudgeQueue,
  MarkSheet,
  ModerationInput,
  ModerationItem,
  MyEntry,
  Scheme,
  SkillsAppeal,
  SkillsContestant,
  SkillsJudge,
  SkillsResults,
} from '../../../shared/skills.js';
import { useQuery } from '@tanstack/react-query';
import type { CurrentUser } from '../../../shared/auth.js';
import { api, toQuery } from '../../api/client.js';

export type ContestantParams = Partial<ContestantFilter> & { page: number; pageSize: number };
const post = <T,>(path: string, body: unknown = {}) => api<T>(path, { method: 'POST', body });
const put = <T,>(path: string, body: unknown) => api<T>(path, { method: 'PUT', body });

// The skills competition's endpoints, beside the feature.
export const skillsApi = {
  competitions: () => api<{ items: Competition[] }>('/api/skills/competitions'),
  competition: (id: number) => api<CompetitionDetail>(`/api/skills/competitions/${id}`),
  updateCompetition: (id: number, body: CompetitionInput) => put<CompetitionDetail>(`/api/skills/competitions/${id}`, body),
  addDelegation: (id: number, body: { prefecture: string; leader?: string }) => post<{ id: number }>(`/api/skills/competitions/${id}/delegations`, body),
  addUnit: (id: number, body: { name: string; kind: string; delegationId: number | null }) => post<{ id: number }>(`/api/skills/competitions/${id}/units`, body),
  addEvent: (id: number, body: EventInput) => post<{ id: number }>(`/api/skills/competitions/${id}/events`, body),
  contestants: (eventId: number, p: ContestantParams) => api<{ items: SkillsContestant[]; total: number }>(`/api/skills/events/${eventId}/contestants${toQuery({ ...p })}`),
  contestantsExportUrl: (eventId: number, f: Partial<ContestantFilter>) => `/api/skills/events/${eventId}/contestants.xlsx${toQuery({ ...f })}`,
  register: (eventId: number, body: ContestantInput) => post<{ id: number }>(`/api/skills/events/${eventId}/contestants`, body),
  withdraw: (id: number) => api<void>(`/api/skills/contestants/${id}`, { method: 'DELETE' }),
  checkEligibility: (eventId: number) => post<{ eligible: number; ineligible: number }>(`/api/skills/events/${eventId}/eligibility`),
  judges: (eventId: number) => api<{ items: SkillsJudge[] }>(`/api/skills/events/${eventId}/judges`),
  addJudge: (eventId: number, body: JudgeInput) => post<{ id: number }>(`/api/skills/events/${eventId}/judges`, body),
  removeJudge: (id: number) => api<void>(`/api/skills/judges/${id}`, { method: 'DELETE' }),
  scheme: (eventId: number) => api<Scheme>(`/api/skills/events/${eventId}/scheme`),
  schemeTemplateUrl: '/api/skills/scheme-template.xlsx',
  importScheme: (eventId: number, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api<Scheme>(`/api/skills/events/${eventId}/scheme`, { method: 'POST', body: form });
  },
  queue: () => api<JudgeQueue>('/api/skills/mark/queue'),
  sheet: (contestantId: number) => api<MarkSheet>(`/api/skills/mark/contestants/${contestantId}`),
  mark: (body: { contestantId: number; aspectId: number; value: number }) => put<{ ok: true }>('/api/skills/marks', body),
  moderation: (eventId: number) => api<{ items: ModerationItem[] }>(`/api/skills/events/${eventId}/moderation`),
  moderate: (body: ModerationInput) => post<{ ok: true }>('/api/skills/moderations', body),
  signOff: (moduleId: number) => post<{ ok: true }>(`/api/skills/modules/${moduleId}/sign-off`),
  unlock: (moduleId: number, reason: string) => post<{ ok: true }>(`/api/skills/modules/${moduleId}/unlock`, { reason }),
  results: (eventId: number) => api<SkillsResults>(`/api/skills/events/${eventId}/results`),
  resultsExportUrl: (eventId: number) => `/api/skills/events/${eventId}/results.xlsx`,
  jury: (contestantId: number, juryRank: number | null, reason: string) => put<{ ok: true }>(`/api/skills/contestants/${contestantId}/jury`, { juryRank, reason }),
  issueCertificates: (eventId: number) => post<{ issued: number }>(`/api/skills/events/${eventId}/certificates`),
  certificatePdfUrl: (code: string) => `/api/skills/certificates/${code}/pdf`,
  appeals: (eventId: number) => api<{ items: SkillsAppeal[] }>(`/api/skills/events/${eventId}/appeals`),
  rule: (id: number, status: 'upheld' | 'rejected', ruling: string) => post<{ ok: true }>(`/api/skills/appeals/${id}/ruling`, { status, ruling }),
  me: () => api<{ items: MyEntry[] }>('/api/skills/me'),
  appeal: (contestantId: number, text: string) => post<{ id: number }>('/api/skills/appeals', { contestantId, text }),
  verify: (code: string) => api<CertificateCheck>(`/api/public/certificates/${encodeURIComponent(code)}`, { allow401: true }),
};

/** A contestant's skills entries (none for a livestream-only contestant); the landing page and the menu share it. */
export function useSkillsEntries(user: CurrentUser | null) {
  return useQuery({ queryKey: ['skills-me'], queryFn: skillsApi.me, enabled: user?.role === 'contestant' });
}
