// The project lifecycle, shared so the web app offers exactly the moves the server accepts.
export const STAGES = ['negotiating', 'signed', 'landed', 'started', 'operating', 'full_capacity'] as const;
export type Stage = (typeof STAGES)[number];
export const ALL_STAGES = [...STAGES, 'terminated'] as const;
export type AnyStage = (typeof ALL_STAGES)[number];
export const INITIAL_STAGES = ['negotiating', 'signed'] as const;

export const STAGE_LABELS: Record<AnyStage, { zh: string; en: string }> = {
  negotiating: { zh: '洽谈', en: 'Negotiating' },
  signed: { zh: '签约', en: 'Signed' },
  landed: { zh: '落地', en: 'Landed' },
  started: { zh: '开工', en: 'Started' },
  operating: { zh: '投产', en: 'Operating' },
  full_capacity: { zh: '达产', en: 'Full capacity' },
  terminated: { zh: '终止', en: 'Terminated' },
};

export function stageIndex(stage: Stage): number {
  return STAGES.indexOf(stage);
}

export function nextStage(stage: AnyStage): Stage | null {
  if (stage === 'terminated') return null;
  return STAGES[stageIndex(stage) + 1] ?? null;
}

/** Open = still moving; a project at full capacity or terminated has nowhere further to go. */
export function isOpenStage(stage: AnyStage): boolean {
  return stage !== 'terminated' && stage !== 'full_capacity';
}

export type StageDates = Partial<Record<Stage, string | null>>;

/** The furthest stage a project actually reached, by its actual dates: where a reopened project resumes. */
export function furthestReached(dates: StageDates): Stage | null {
  const reached = STAGES.filter((s) => dates[s]);
  return reached[reached.length - 1] ?? null;
}

/**
 * Stages an admin may move a project back to: those it actually reached before the current one,
 * or, once terminated, any stage it reached. A stage never reached has no date to return to.
 */
export function rollbackTargets(stage: AnyStage, dates: StageDates): Stage[] {
  const reached = STAGES.filter((s) => dates[s]);
  return stage === 'terminated' ? reached : reached.filter((s) => stageIndex(s) < stageIndex(stage));
}
