import type { LeadSource } from '../../shared/leads.js';
import type { Project, TransitionRecord } from '../../shared/projects.js';
import type { AnyStage } from '../../shared/stages.js';
import { daysBetween } from '../../shared/format.js';
import type { ProjectRow } from '../db/schema.js';

export type ProjectWithRegion = ProjectRow & {
  region_name: string;
  enterprise_name: string | null;
  node_name: string | null;
  chain_id: number | null;
  chain_name: string | null;
  lead_source: string | null;
  lead_referrer_id: number | null;
  lead_referrer_name: string | null;
};

/** Every field is named: a column added to the table never reaches a user by accident. */
export function presentProject(row: ProjectWithRegion, today: string): Project {
  const overdue = row.next_planned_on !== null && row.next_planned_on < today;
  return {
    id: row.id,
    name: row.name,
    investorName: row.investor_name,
    investorUscc: row.investor_uscc,
    regionCode: row.region_code,
    regionName: row.region_name,
    cluster: row.cluster,
    chain: row.chain,
    investmentYuan: Number(row.investment_yuan),
    fundsInPlaceYuan: Number(row.funds_in_place_yuan),
    capacity: row.capacity,
    description: row.description,
    chainLeader: row.chain_leader,
    officer: row.officer,
    tagGreen: row.tag_green === 1,
    tagInnovation: row.tag_innovation === 1,
    tagValue: row.tag_value === 1,
    stage: row.stage as AnyStage,
    stageDate: row.stage_date,
    stageDates: {
      negotiating: row.negotiating_on,
      signed: row.signed_on,
      landed: row.landed_on,
      started: row.started_on,
      operating: row.operating_on,
      full_capacity: row.full_capacity_on,
    },
    plannedDates: {
      signed: row.planned_signed_on,
      landed: row.planned_landed_on,
      started: row.planned_started_on,
      operating: row.planned_operating_on,
      full_capacity: row.planned_full_capacity_on,
    },
    enterprise: row.enterprise_id !== null ? { id: row.enterprise_id, name: row.enterprise_name ?? '' } : null,
    node:
      row.node_id !== null && row.chain_id !== null
        ? { id: row.node_id, name: row.node_name ?? '', chainId: row.chain_id, chainName: row.chain_name ?? '' }
        : null,
    lead:
      row.lead_id !== null
        ? {
            id: row.lead_id,
            source: (row.lead_source ?? 'gap_analysis') as LeadSource,
            referrer: row.lead_referrer_id !== null ? { id: row.lead_referrer_id, name: row.lead_referrer_name ?? '' } : null,
          }
        : null,
    nextPlannedDate: row.next_planned_on,
    overdue,
    overdueDays: overdue ? daysBetween(row.next_planned_on!, today) : 0,
    terminatedReason: row.terminated_reason,
    isSample: row.is_sample === 1,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface TransitionRow {
  id: number;
  kind: TransitionRecord['kind'];
  from_stage: string | null;
  to_stage: string;
  date: string;
  note: string | null;
  reason: string | null;
  username: string | null;
  display_name: string | null;
  created_at: string;
}

export function presentTransition(row: TransitionRow): TransitionRecord {
  return {
    id: row.id,
    kind: row.kind,
    fromStage: row.from_stage as AnyStage | null,
    toStage: row.to_stage as AnyStage,
    date: row.date,
    note: row.note,
    reason: row.reason,
    actor: row.username ? { username: row.username, displayName: row.display_name ?? row.username } : null,
    at: row.created_at,
  };
}
