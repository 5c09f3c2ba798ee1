import type { Board, Flag, ImportReport, ManualOrderInput, Order, OrderFilter, JuryNoteInput } from '../../../shared/livestream-board.js';
import type { Contest, ContestDetail, Contestant, ContestListQuery, CreateContestantInput, CreateContestInput, ReviewContestantInput, UpdateContestantInput, UpdateContestInput } from '../../../shared/livestream.js';
import { api, toQuery } from '../../api/client.js';

export type OrderListParams = Partial<OrderFilter> & { page: number; pageSize: number };
export type ItemKind = 'products' | 'awards' | 'ambassadors';

// The livestream contest's endpoints, kept beside the feature so the shared endpoints file is not a merge point.
const base = (id: number) => `/api/livestream/contests/${id}`;
export const livestreamApi = {
  list: (q: Partial<ContestListQuery>) => api<{ items: Contest[]; total: number }>(`/api/livestream/contests${toQuery({ ...q })}`),
  get: (id: number) => api<ContestDetail>(base(id)),
  create: (body: CreateContestInput) => api<ContestDetail>('/api/livestream/contests', { method: 'POST', body }),
  update: (id: number, body: UpdateContestInput) => api<ContestDetail>(base(id), { method: 'PATCH', body }),
  contestants: (id: number, q: { status?: string; q?: string } = {}) => api<{ items: Contestant[] }>(`${base(id)}/contestants${toQuery({ ...q })}`),
  register: (id: number, body: CreateContestantInput) => api<Contestant>(`${base(id)}/contestants`, { method: 'POST', body }),
  updateContestant: (contestantId: number, body: UpdateContestantInput) => api<Contestant>(`/api/livestream/contestants/${contestantId}`, { method: 'PATCH', body }),
  review: (contestantId: number, body: ReviewContestantInput) => api<Contestant>(`/api/livestream/contestants/${contestantId}/review`, { method: 'POST', body }),
  addItem: (id: number, kind: ItemKind, body: unknown) => api<{ id: number }>(`${base(id)}/${kind}`, { method: 'POST', body }),
  removeItem: (id: number, kind: ItemKind, itemId: number) => api<void>(`${base(id)}/${kind}/${itemId}`, { method: 'DELETE' }),
  orders: (id: number, p: OrderListParams) => api<{ items: Order[]; total: number }>(`${base(id)}/orders${toQuery({ ...p })}`),
  ordersExportUrl: (id: number, f: Partial<OrderFilter>) => `${base(id)}/orders/export.xlsx${toQuery({ ...f })}`,
  enterOrder: (id: number, body: ManualOrderInput) => api<{ id: number }>(`${base(id)}/orders`, { method: 'POST', body }),
  importOrders: (id: number, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api<ImportReport>(`${base(id)}/orders/import`, { method: 'POST', body: form });
  },
  board: (id: number, q: { day?: string; view?: 'live' | 'public' }) => api<Board>(`${base(id)}/board${toQuery({ ...q })}`),
  boardExportUrl: (id: number, q: { day?: string; view?: 'live' | 'public' }) => `${base(id)}/board/export.xlsx${toQuery({ ...q })}`,
  publicBoard: (id: number, day?: string) => api<Board>(`/api/public/livestream/${id}/board${toQuery({ day })}`, { allow401: true }),
  freeze: (id: number, from: string) => api<void>(`${base(id)}/freeze`, { method: 'POST', body: { from } }),
  unfreeze: (id: number) => api<void>(`${base(id)}/unfreeze`, { method: 'POST', body: {} }),
  settle: (id: number) => api<void>(`${base(id)}/settle`, { method: 'POST', body: {} }),
  flags: (id: number) => api<{ thresholdPct: number; items: Flag[] }>(`${base(id)}/flags`),
  juryNote: (id: number, body: JuryNoteInput) => api<{ id: number }>(`${base(id)}/flags/notes`, { method: 'POST', body }),
};
