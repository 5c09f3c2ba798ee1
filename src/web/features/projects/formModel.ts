import dayjs, { type Dayjs } from 'dayjs';
import type { CreateProjectInput, Project, UpdateProjectInput } from '../../../shared/projects.js';
import type { Stage } from '../../../shared/stages.js';

export const PLANNED_STAGES = ['signed', 'landed', 'started', 'operating', 'full_capacity'] as const;
type PlannedStage = (typeof PLANNED_STAGES)[number];

/** What the form holds: money in 万元 (how officers talk about investment), dates as dayjs. */
export interface ProjectFormValues {
  name: string;
  investorName: string;
  investorUscc?: string;
  regionCode?: string;
  cluster?: string;
  chain?: string;
  investmentWan?: number | null;
  fundsWan?: number | null;
  capacity?: string;
  description?: string;
  chainLeader?: string;
  officer?: string;
  tagGreen?: boolean;
  tagInnovation?: boolean;
  tagValue?: boolean;
  plannedDates?: Partial<Record<PlannedStage, Dayjs | null>>;
  stage?: 'negotiating' | 'signed';
  stageDate?: Dayjs | null;
  /** The investor in the enterprise base and the chain node the project fills; empty means none. */
  enterpriseId?: number | null;
  nodeId?: number | null;
}

/** Server field paths → form field names where they differ. */
export const FIELD_RENAMES: Record<string, string> = {
  investmentYuan: 'investmentWan',
  fundsInPlaceYuan: 'fundsWan',
};

/** API paths this form can show an error on (plannedDates covers plannedDates.landed etc.). */
export const FORM_FIELDS = [
  'name',
  'investorName',
  'investorUscc',
  'regionCode',
  'cluster',
  'chain',
  'investmentYuan',
  'fundsInPlaceYuan',
  'capacity',
  'description',
  'chainLeader',
  'officer',
  'tagGreen',
  'tagInnovation',
  'tagValue',
  'plannedDates',
  'stage',
  'stageDate',
  'enterpriseId',
  'nodeId',
];

const toYuan = (wan: number | null | undefined) => (wan == null ? undefined : Math.round(wan * 10_000));
const toDate = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
const fromDate = (s: string | null) => (s ? dayjs(s) : null);

export function projectToValues(p: Project): ProjectFormValues {
  return {
    name: p.name,
    investorName: p.investorName,
    investorUscc: p.investorUscc ?? '',
    regionCode: p.regionCode,
    cluster: p.cluster,
    chain: p.chain,
    investmentWan: p.investmentYuan / 10_000,
    fundsWan: p.fundsInPlaceYuan / 10_000,
    capacity: p.capacity,
    description: p.description,
    chainLeader: p.chainLeader,
    officer: p.officer,
    tagGreen: p.tagGreen,
    tagInnovation: p.tagInnovation,
    tagValue: p.tagValue,
    plannedDates: Object.fromEntries(PLANNED_STAGES.map((s) => [s, fromDate(p.plannedDates[s])])),
    enterpriseId: p.enterprise?.id,
    nodeId: p.node?.id,
  };
}

function commonBody(v: ProjectFormValues) {
  const s = (x: string | undefined) => (x ?? '').trim();
  return {
    name: s(v.name),
    investorName: s(v.investorName),
    // An empty code means "not known", which the API spells null.
    investorUscc: s(v.investorUscc).toUpperCase() || null,
    regionCode: v.regionCode ?? '',
    cluster: s(v.cluster),
    chain: s(v.chain),
    investmentYuan: toYuan(v.investmentWan) ?? 0,
    fundsInPlaceYuan: toYuan(v.fundsWan) ?? 0,
    capacity: s(v.capacity),
    description: s(v.description),
    chainLeader: s(v.chainLeader),
    officer: s(v.officer),
    tagGreen: !!v.tagGreen,
    tagInnovation: !!v.tagInnovation,
    tagValue: !!v.tagValue,
    plannedDates: Object.fromEntries(PLANNED_STAGES.map((st) => [st, toDate(v.plannedDates?.[st])])) as Record<
      PlannedStage,
      string | null
    >,
    // A cleared picker is undefined; the API clears with null.
    enterpriseId: v.enterpriseId ?? null,
    nodeId: v.nodeId ?? null,
  };
}

export function valuesToCreate(v: ProjectFormValues): CreateProjectInput {
  return {
    ...commonBody(v),
    stage: v.stage as Extract<Stage, 'negotiating' | 'signed'> | undefined,
    stageDate: toDate(v.stageDate) ?? undefined,
  };
}

export function valuesToUpdate(v: ProjectFormValues, version: number): UpdateProjectInput {
  return { ...commonBody(v), version };
}
