import type { Selectable } from 'kysely';
import type { Competition, SkillsContestant, SkillsEvent, SkillsJudge, SkillsUnit } from '../../shared/skills.js';
import type { SkillsCompetitionTable, SkillsDelegationTable, SkillsEventTable } from '../db/schema.js';
import { releaseState } from './results.js';

// Every field the skills API sends, named here.

export function presentCompetition(c: Selectable<SkillsCompetitionTable>): Competition {
  const state = releaseState(c);
  return {
    id: c.id,
    name: c.name,
    site: c.site,
    startsOn: c.starts_on,
    endsOn: c.ends_on,
    judgesPerUnit: c.judges_per_unit,
    contestantsPerUnit: c.contestants_per_unit,
    spreadTolerance: c.spread_tolerance,
    releaseAt: c.release_at,
    appealHours: c.appeal_hours,
    released: state.released,
    appealsOpen: state.appealsOpen,
    isSample: c.is_sample === 1,
  };
}

export function presentDelegation(d: Selectable<SkillsDelegationTable>) {
  return { id: d.id, prefecture: d.prefecture, leader: d.leader, isSample: d.is_sample === 1 };
}

export function presentUnit(u: { id: number; name: string; kind: string; delegation_id: number | null; prefecture: string | null; is_sample: number }): SkillsUnit {
  return { id: u.id, name: u.name, kind: u.kind as SkillsUnit['kind'], delegationId: u.delegation_id, prefecture: u.prefecture, isSample: u.is_sample === 1 };
}

export function presentEvent(e: Selectable<SkillsEventTable> & { host_unit: string | null; contestants: number | string; judges: number | string }): SkillsEvent {
  return {
    id: e.id,
    competitionId: e.competition_id,
    code: e.code,
    name: e.name,
    hostUnitId: e.host_unit_id,
    hostUnit: e.host_unit,
    venue: e.venue,
    startsOn: e.starts_on,
    categories: e.categories.split(',') as SkillsEvent['categories'],
    minAge: e.min_age,
    maxAge: e.max_age,
    places: e.places,
    judgesPerAspect: e.judges_per_aspect,
    contestants: Number(e.contestants),
    judges: Number(e.judges),
    isSample: e.is_sample === 1,
  };
}

export interface ContestantRow {
  id: number;
  event_id: number;
  reg_no: string;
  blind_code: string;
  name: string;
  category: string;
  birth_date: string;
  unit_id: number;
  unit: string;
  prefecture: string | null;
  eligibility: string;
  eligibility_note: string;
  username: string | null;
  is_sample: number;
}

export function presentContestant(c: ContestantRow): SkillsContestant {
  return {
    id: c.id,
    eventId: c.event_id,
    regNo: c.reg_no,
    blindCode: c.blind_code,
    name: c.name,
    category: c.category as SkillsContestant['category'],
    birthDate: c.birth_date,
    unitId: c.unit_id,
    unit: c.unit,
    prefecture: c.prefecture,
    eligibility: c.eligibility as SkillsContestant['eligibility'],
    eligibilityNote: c.eligibility_note,
    username: c.username,
    isSample: c.is_sample === 1,
  };
}

export function presentJudge(j: { id: number; event_id: number; name: string; unit_id: number; unit: string; username: string | null; is_chief: number; is_sample: number }): SkillsJudge {
  return { id: j.id, eventId: j.event_id, name: j.name, unitId: j.unit_id, unit: j.unit, username: j.username, isChief: j.is_chief === 1, isSample: j.is_sample === 1 };
}
