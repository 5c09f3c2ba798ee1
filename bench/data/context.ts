// What every table generator receives: the seed, the scale, the writer, the chain map once built,
// and date helpers anchored on one day (today in Shanghai unless --today pins it).
import type { ChainMap } from './enterprises.js';
import type { Writer } from './writers.js';

export interface Scale { enterprises: number; links: number; projects: number; users: number; leads: number; events: number; opportunities: number }

// Leads, events and offers scale with the projects (2 leads, 1/50 event and 1/200 offer per project);
// an event keeps its own size (about 150 guests, 5 groups of 3 stops) at every scale.
export const SCALES: Record<string, Scale> = {
  town: { enterprises: 10_000, links: 50_000, projects: 1_000, users: 100, leads: 2_000, events: 20, opportunities: 5 },
  prefecture: { enterprises: 100_000, links: 500_000, projects: 10_000, users: 300, leads: 20_000, events: 200, opportunities: 50 },
  province: { enterprises: 1_000_000, links: 5_000_000, projects: 100_000, users: 1_000, leads: 200_000, events: 2_000, opportunities: 500 },
};

export interface Ctx {
  seed: number;
  scale: Scale;
  w: Writer;
  map: ChainMap;
  today: string;
  /** YYYY-MM-DD, `daysAgo` days before today. */
  dateAt(daysAgo: number): string;
  /** An ISO timestamp on that day (10:30 in Shanghai), the form the app writes. */
  isoAt(daysAgo: number): string;
}

export function createContext(options: { seed: number; scale: Scale; w: Writer; today: string }): Ctx {
  const anchor = Date.parse(`${options.today}T02:30:00.000Z`);
  const dates: string[] = [];
  const dateAt = (daysAgo: number) => (dates[daysAgo] ??= new Date(anchor - daysAgo * 86_400_000).toISOString().slice(0, 10));
  return {
    ...options,
    map: { chains: [], nodes: [], links: [], covered: [], weak: [] },
    dateAt,
    isoAt: (daysAgo) => `${dateAt(daysAgo)}T02:30:00.000Z`,
  };
}
