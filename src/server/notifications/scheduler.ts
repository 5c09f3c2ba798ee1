import type { Kysely } from 'kysely';
import { todayInShanghai } from '../clock.js';
import type { DB } from '../db/schema.js';
import { sweepServiceDeadlines, type SweepCounts } from '../service-requests/escalate.js';

export interface SchedulerLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface Scheduler {
  /** Stops the timer and waits for a sweep in progress, so the database can be closed after. */
  stop(): Promise<void>;
}

/**
 * Sweeps service deadlines at start and every `intervalSeconds` (0: never). Started by main.ts, not by
 * buildApp, so tests run sweeps themselves. Every instance may run one: the sweep's conditional writes
 * and dedupe keys make a second instance's pass a no-op, and nothing here lives only in memory.
 */
export function startScheduler(options: { db: Kysely<DB>; intervalSeconds: number; log: SchedulerLog; today?: () => string }): Scheduler {
  const { db, intervalSeconds, log } = options;
  const today = options.today ?? (() => todayInShanghai());
  if (intervalSeconds <= 0) return { stop: async () => {} };
  let running: Promise<void> | null = null;
  let stopped = false;

  const run = () => {
    // A slow sweep (a large backlog on the first run) is not overlapped by the next tick.
    if (running || stopped) return;
    running = sweepServiceDeadlines({ db, today: today() })
      .then((counts: SweepCounts) => {
        if (counts.dueSoon || counts.overdue || counts.escalated) log.info({ sweep: counts }, 'service deadline sweep');
      })
      .catch((error: unknown) => log.error({ err: error }, 'service deadline sweep failed'))
      .finally(() => {
        running = null;
      });
  };
  run();
  const timer = setInterval(run, intervalSeconds * 1000);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
