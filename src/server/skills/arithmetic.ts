// The marking arithmetic, pure so that every rule is unit-tested apart from the database.
// Units: a J score is a judge's 0–3; an M mark and an aspect's maximum are hundredths of a point;
// a moderated J value is hundredths of the 0–3 scale (a mean of 1.67 is 167).

export type AspectKind = 'M' | 'J';
export type ModerationMethod = 'mean' | 'median' | 'judge' | 'remark';

export interface MarkEntry {
  judgeId: number;
  value: number;
}

export interface AspectOutcome {
  /** The aspect's mark in hundredths, or null while nobody has marked it. */
  markCenti: number | null;
  /** Highest minus lowest raw entry (J: on the 0–3 scale; M: in hundredths). */
  spread: number;
  needsModeration: boolean;
  moderated: boolean;
  /** Enough judges have marked and any spread has been moderated. */
  complete: boolean;
  /** The judges whose scores were dropped as highest and lowest (five or more J judges). */
  droppedJudgeIds: number[];
}

/** Chinese practice: with five or more judges the highest and the lowest score are dropped. */
export function countedScores(entries: MarkEntry[]): { counted: MarkEntry[]; dropped: MarkEntry[] } {
  const sorted = [...entries].sort((a, b) => a.value - b.value || a.judgeId - b.judgeId);
  if (sorted.length < 5) return { counted: sorted, dropped: [] };
  return { counted: sorted.slice(1, -1), dropped: [sorted[0], sorted[sorted.length - 1]] };
}

/** A J aspect's mark = maximum × mean(counted scores) / 3, rounded half up to the hundredth. */
export function judgementMarkCenti(maxCenti: number, entries: MarkEntry[]): number {
  const { counted } = countedScores(entries);
  const sum = counted.reduce((s, e) => s + e.value, 0);
  return Math.round((maxCenti * sum) / (3 * counted.length));
}

/** A moderated J value (hundredths of 0–3) turned into the aspect's mark. */
export function moderatedJudgementCenti(maxCenti: number, valueHundredths: number): number {
  return Math.round((maxCenti * valueHundredths) / 300);
}

export function spreadOf(entries: MarkEntry[]): number {
  if (!entries.length) return 0;
  const values = entries.map((e) => e.value);
  return Math.max(...values) - Math.min(...values);
}

/**
 * What the chief judge's method yields, on the aspect's own scale: J in hundredths of 0–3, M in
 * hundredths of a point. `value` is the chief's own re-mark (remark) on that scale.
 */
export function moderationValue(kind: AspectKind, method: ModerationMethod, entries: MarkEntry[], pick?: { judgeId?: number; value?: number }): number | null {
  const scale = kind === 'J' ? 100 : 1;
  const values = entries.map((e) => e.value).sort((a, b) => a - b);
  switch (method) {
    case 'mean':
      return values.length ? Math.round((values.reduce((s, v) => s + v, 0) * scale) / values.length) : null;
    case 'median': {
      if (!values.length) return null;
      const mid = Math.floor(values.length / 2);
      return values.length % 2 ? values[mid] * scale : Math.round(((values[mid - 1] + values[mid]) * scale) / 2);
    }
    case 'judge': {
      const entry = entries.find((e) => e.judgeId === pick?.judgeId);
      return entry ? entry.value * scale : null;
    }
    case 'remark':
      return pick?.value ?? null;
  }
}

/**
 * One aspect for one contestant. J: spread above the tolerance goes to the chief judge; M: judges
 * must agree exactly, any difference goes to the chief judge. A moderation replaces the computed
 * mark; the raw entries stay as they were.
 */
export function aspectOutcome(options: {
  kind: AspectKind;
  maxCenti: number;
  entries: MarkEntry[];
  requiredJudges: number;
  tolerance: number;
  moderation?: { value: number } | null;
}): AspectOutcome {
  const { kind, maxCenti, entries, moderation } = options;
  const spread = spreadOf(entries);
  const needsModeration = kind === 'J' ? spread > options.tolerance : spread > 0;
  const moderated = !!moderation;
  const droppedJudgeIds = kind === 'J' ? countedScores(entries).dropped.map((e) => e.judgeId) : [];
  const enough = kind === 'J' ? entries.length >= options.requiredJudges : entries.length >= 1;
  let markCenti: number | null = null;
  if (moderation) markCenti = kind === 'J' ? moderatedJudgementCenti(maxCenti, moderation.value) : moderation.value;
  else if (entries.length) markCenti = kind === 'J' ? judgementMarkCenti(maxCenti, entries) : entries[0].value;
  return { markCenti, spread, needsModeration, moderated, complete: enough && (!needsModeration || moderated), droppedJudgeIds };
}

export interface RankInput {
  id: number;
  regNo: string;
  totalCenti: number;
  /** Module code → module score in hundredths. */
  modules: Record<string, number>;
  juryRank: number | null;
}

export type TieBreak = 'total' | `module:${string}` | 'jury' | 'reg_no';

export interface RankedRow<T extends RankInput> {
  row: T;
  position: number;
  /** What told this row apart from the one above it ('total' when the totals differ). */
  decidedBy: TieBreak | null;
  qualified: boolean;
}

export interface CutWarning {
  /** Every contestant with the last qualifier's total, on both sides of the cut. */
  contestantIds: number[];
  /** What decided the cut: a module, the jury, or only the registration number (a jury decision is still needed). */
  decidedBy: TieBreak;
}

function compare<T extends RankInput>(a: T, b: T, moduleOrder: string[]): { diff: number; by: TieBreak } {
  if (a.totalCenti !== b.totalCenti) return { diff: b.totalCenti - a.totalCenti, by: 'total' };
  for (const code of moduleOrder) {
    const d = (b.modules[code] ?? 0) - (a.modules[code] ?? 0);
    if (d) return { diff: d, by: `module:${code}` };
  }
  const ja = a.juryRank ?? Number.MAX_SAFE_INTEGER;
  const jb = b.juryRank ?? Number.MAX_SAFE_INTEGER;
  if (ja !== jb) return { diff: ja - jb, by: 'jury' };
  return { diff: a.regNo < b.regNo ? -1 : a.regNo > b.regNo ? 1 : 0, by: 'reg_no' };
}

/**
 * The published tie-break chain: total, then module scores in the given order, then the jury's
 * decision; the registration number only keeps the order stable, so rows it alone separates share
 * a position. The first `places` rows qualify.
 */
export function rankContestants<T extends RankInput>(rows: T[], moduleOrder: string[], places: number): { ranked: RankedRow<T>[]; cutWarning: CutWarning | null } {
  const sorted = [...rows].sort((a, b) => compare(a, b, moduleOrder).diff);
  const ranked: RankedRow<T>[] = [];
  sorted.forEach((row, i) => {
    const by = i === 0 ? null : compare(sorted[i - 1], row, moduleOrder).by;
    const position = by === 'reg_no' ? ranked[i - 1].position : i + 1;
    ranked.push({ row, position, decidedBy: by, qualified: i < places });
  });
  let cutWarning: CutWarning | null = null;
  if (places > 0 && sorted.length > places) {
    const last = sorted[places - 1];
    const tied = sorted.filter((r) => r.totalCenti === last.totalCenti);
    if (tied.length > 1 && sorted[places].totalCenti === last.totalCenti) {
      cutWarning = { contestantIds: tied.map((r) => r.id), decidedBy: compare(last, sorted[places], moduleOrder).by };
    }
  }
  return { ranked, cutWarning };
}
