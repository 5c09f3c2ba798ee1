import type { CalendarDayList, Deadline, PutCalendarDayInput, PutServiceLevelsInput, ServiceLevelList } from '../../../shared/calendar.js';
import { api, toQuery } from '../../api/client.js';

export const settingsApi = {
  serviceLevels: () => api<ServiceLevelList>('/api/service-levels'),
  saveServiceLevels: (body: PutServiceLevelsInput) => api<ServiceLevelList>('/api/service-levels', { method: 'PUT', body }),
  calendar: (year: number) => api<CalendarDayList>(`/api/calendar${toQuery({ year })}`),
  setDay: (day: string, body: PutCalendarDayInput) => api<CalendarDayList>(`/api/calendar/days/${day}`, { method: 'PUT', body }),
  deleteDay: (day: string) => api<void>(`/api/calendar/days/${day}`, { method: 'DELETE' }),
  deadline: (from: string, days: number) => api<Deadline>(`/api/calendar/deadline${toQuery({ from, days })}`),
};

export const WEEKDAYS = {
  zh: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
};

export function weekdayOf(day: string, lang: 'zh' | 'en'): string {
  return WEEKDAYS[lang][new Date(`${day}T00:00:00Z`).getUTCDay()];
}
