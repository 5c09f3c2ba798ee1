import type {
  CheckInResult,
  CreateEventInput,
  CreateGroupInput,
  CreateGuestInput,
  CreateSigningInput,
  CreateStopInput,
  EventDetail,
  EventPage,
  EventSummary,
  Group,
  GroupList,
  Guest,
  GuestPage,
  ProjectSigning,
  RunSheet,
  Scorecard,
  Signing,
  SigningList,
  UpdateEventInput,
  UpdateGroupInput,
  UpdateGuestInput,
  UpdateStopInput,
} from '../../../shared/events.js';
import { api, toQuery } from '../../api/client.js';

export interface GuestFilters {
  q?: string;
  status?: string;
  groupId?: number;
  checkedIn?: 'true' | 'false';
}

const base = (id: number) => `/api/events/${id}`;

export const eventApi = {
  list: (q: { q?: string; year?: number; sort?: string; order?: string; page: number; pageSize: number }) => api<EventPage>(`/api/events${toQuery(q)}`),
  get: (id: number) => api<EventDetail>(base(id)),
  create: (body: CreateEventInput) => api<EventDetail>('/api/events', { method: 'POST', body }),
  update: (id: number, body: UpdateEventInput) => api<EventDetail>(base(id), { method: 'PATCH', body }),
  remove: (id: number) => api<void>(base(id), { method: 'DELETE' }),
  summary: (id: number) => api<EventSummary>(`${base(id)}/summary`),
  scorecard: (id: number) => api<Scorecard>(`${base(id)}/scorecard`),
  runSheet: (id: number) => api<RunSheet>(`${base(id)}/run-sheet`),
  guests: (id: number, f: GuestFilters & { page: number; pageSize: number }) => api<GuestPage>(`${base(id)}/guests${toQuery({ ...f })}`),
  guestExportUrl: (id: number) => `${base(id)}/guests/export.xlsx`,
  addGuest: (id: number, body: CreateGuestInput) => api<Guest>(`${base(id)}/guests`, { method: 'POST', body }),
  updateGuest: (id: number, guestId: number, body: UpdateGuestInput) => api<Guest>(`${base(id)}/guests/${guestId}`, { method: 'PATCH', body }),
  removeGuest: (id: number, guestId: number) => api<void>(`${base(id)}/guests/${guestId}`, { method: 'DELETE' }),
  checkIn: (id: number, guestId: number) => api<CheckInResult>(`${base(id)}/guests/${guestId}/check-in`, { method: 'POST' }),
  undoCheckIn: (id: number, guestId: number) => api<Guest>(`${base(id)}/guests/${guestId}/check-in`, { method: 'DELETE' }),
  groups: (id: number) => api<GroupList>(`${base(id)}/groups`),
  addGroup: (id: number, body: CreateGroupInput) => api<Group>(`${base(id)}/groups`, { method: 'POST', body }),
  updateGroup: (id: number, groupId: number, body: UpdateGroupInput) => api<Group>(`${base(id)}/groups/${groupId}`, { method: 'PATCH', body }),
  removeGroup: (id: number, groupId: number) => api<void>(`${base(id)}/groups/${groupId}`, { method: 'DELETE' }),
  setMembers: (id: number, groupId: number, guestIds: number[]) =>
    api<Group>(`${base(id)}/groups/${groupId}/members`, { method: 'PUT', body: { guestIds } }),
  addStop: (id: number, groupId: number, body: CreateStopInput) => api<Group>(`${base(id)}/groups/${groupId}/stops`, { method: 'POST', body }),
  updateStop: (id: number, groupId: number, stopId: number, body: UpdateStopInput) =>
    api<Group>(`${base(id)}/groups/${groupId}/stops/${stopId}`, { method: 'PATCH', body }),
  removeStop: (id: number, groupId: number, stopId: number) => api<Group>(`${base(id)}/groups/${groupId}/stops/${stopId}`, { method: 'DELETE' }),
  reorderStops: (id: number, groupId: number, stopIds: number[]) =>
    api<Group>(`${base(id)}/groups/${groupId}/stops/reorder`, { method: 'POST', body: { stopIds } }),
  signings: (id: number) => api<SigningList>(`${base(id)}/signings`),
  addSigning: (id: number, body: CreateSigningInput) => api<Signing>(`${base(id)}/signings`, { method: 'POST', body }),
  removeSigning: (id: number, signingId: number) => api<void>(`${base(id)}/signings/${signingId}`, { method: 'DELETE' }),
  projectEvent: (projectId: number) => api<ProjectSigning>(`/api/projects/${projectId}/signing-event`),
};
