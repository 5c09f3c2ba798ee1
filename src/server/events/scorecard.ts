import type { Scorecard } from '../../shared/events.js';
import { daysBetween } from '../../shared/format.js';
import { ALL_STAGES, type AnyStage } from '../../shared/stages.js';

/** The middle value, or the mean of the two middle ones; null when there is nothing to take it of. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Days from signing to a later stage, or null when the project has not reached it. */
export function daysFrom(signedOn: string, reachedOn: string | null): number | null {
  return reachedOn ? daysBetween(signedOn, reachedOn) : null;
}

/** The median over only the projects that reached the stage, with how many did. */
export function medianOf(days: (number | null)[]): { days: number | null; n: number } {
  const reached = days.filter((d): d is number => d !== null);
  return { days: median(reached), n: reached.length };
}

export interface ScorecardRow {
  project_id: number;
  project_name: string;
  region_name: string;
  stage: string;
  project_signed_on: string | null;
  signing_signed_on: string;
  landed_on: string | null;
  started_on: string | null;
  operating_on: string | null;
  amount_yuan: number | string | bigint;
  funds_in_place_yuan: number | string | bigint;
}

/** 快落地、快开工,早投产、早见效, measured: how far each signed project has come, and how fast. */
export function buildScorecard(rows: ScorecardRow[]): Scorecard {
  const items = rows.map((r) => {
    // The ledger's own signing date is the fact; the ceremony's date stands in when it has none.
    const signedOn = r.project_signed_on ?? r.signing_signed_on;
    return {
      projectId: r.project_id,
      projectName: r.project_name,
      regionName: r.region_name,
      stage: r.stage as AnyStage,
      signedOn,
      landedOn: r.landed_on,
      startedOn: r.started_on,
      operatingOn: r.operating_on,
      daysToLanded: daysFrom(signedOn, r.landed_on),
      daysToStarted: daysFrom(signedOn, r.started_on),
      daysToOperating: daysFrom(signedOn, r.operating_on),
      amountYuan: Number(r.amount_yuan),
      fundsInPlaceYuan: Number(r.funds_in_place_yuan),
    };
  });
  const signedYuan = items.reduce((s, i) => s + i.amountYuan, 0);
  const fundsInPlaceYuan = items.reduce((s, i) => s + i.fundsInPlaceYuan, 0);
  return {
    items,
    byStage: ALL_STAGES.map((stage) => ({ stage, count: items.filter((i) => i.stage === stage).length })),
    medians: {
      landed: medianOf(items.map((i) => i.daysToLanded)),
      started: medianOf(items.map((i) => i.daysToStarted)),
      operating: medianOf(items.map((i) => i.daysToOperating)),
    },
    signedYuan,
    fundsInPlaceYuan,
    fundsRatio: signedYuan > 0 ? Math.round((fundsInPlaceYuan / signedYuan) * 10_000) / 10_000 : null,
  };
}
