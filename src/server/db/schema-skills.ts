import type { Generated } from 'kysely';

// Issue 8 (b)'s tables: the skills competition. schema.ts folds SkillsDB into DB.
// Marks are integers: J scores 0–3, M marks and maxima in hundredths of a point.

export interface SkillsCompetitionTable {
  id: Generated<number>;
  name: string;
  site: Generated<string>;
  starts_on: string;
  ends_on: string;
  judges_per_unit: Generated<number>;
  contestants_per_unit: Generated<number>;
  spread_tolerance: Generated<number>;
  release_at: string | null;
  appeal_hours: Generated<number>;
  is_sample: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface SkillsDelegationTable {
  id: Generated<number>;
  competition_id: number;
  prefecture: string;
  leader: Generated<string>;
  is_sample: Generated<number>;
}

export interface SkillsUnitTable {
  id: Generated<number>;
  competition_id: number;
  delegation_id: number | null;
  name: string;
  kind: string;
  is_sample: Generated<number>;
}

export interface SkillsEventTable {
  id: Generated<number>;
  competition_id: number;
  code: string;
  name: string;
  host_unit_id: number | null;
  venue: Generated<string>;
  starts_on: string;
  categories: Generated<string>;
  min_age: Generated<number>;
  max_age: Generated<number>;
  places: Generated<number>;
  judges_per_aspect: Generated<number>;
  version: Generated<number>;
  is_sample: Generated<number>;
}

export interface SkillsContestantTable {
  id: Generated<number>;
  event_id: number;
  unit_id: number;
  user_id: number | null;
  reg_no: string;
  blind_code: string;
  name: string;
  category: string;
  birth_date: string;
  eligibility: Generated<string>;
  eligibility_note: Generated<string>;
  jury_rank: number | null;
  jury_reason: Generated<string>;
  is_sample: Generated<number>;
  created_at: string;
}

export interface SkillsJudgeTable {
  id: Generated<number>;
  event_id: number;
  unit_id: number;
  user_id: number | null;
  name: string;
  is_chief: Generated<number>;
  is_sample: Generated<number>;
}

export interface SkillsModuleTable {
  id: Generated<number>;
  event_id: number;
  code: string;
  name: string;
  sort_order: number;
  locked: Generated<number>;
  signed_off_by: number | null;
  signed_off_at: string | null;
}

export interface SkillsAspectTable {
  id: Generated<number>;
  event_id: number;
  module_id: number;
  code: string;
  description: string;
  kind: 'M' | 'J';
  max_centi: number;
  sort_order: number;
}

export interface SkillsMarkTable {
  id: Generated<number>;
  aspect_id: number;
  contestant_id: number;
  judge_id: number;
  value: number;
  updated_at: string;
}

export interface SkillsModerationTable {
  id: Generated<number>;
  aspect_id: number;
  contestant_id: number;
  method: string;
  value: number;
  picked_judge_id: number | null;
  reason: string;
  moderator_judge_id: number | null;
  moderated_by: number;
  created_at: string;
}

export interface SkillsAppealTable {
  id: Generated<number>;
  contestant_id: number;
  text: string;
  status: Generated<string>;
  ruling: Generated<string>;
  ruled_by: number | null;
  ruled_at: string | null;
  created_at: string;
}

export interface SkillsCertificateTable {
  id: Generated<number>;
  contestant_id: number;
  code: string;
  kind: string;
  rank: number;
  total_centi: number;
  issued_at: string;
}

export interface SkillsDB {
  skills_competitions: SkillsCompetitionTable;
  skills_delegations: SkillsDelegationTable;
  skills_units: SkillsUnitTable;
  skills_events: SkillsEventTable;
  skills_contestants: SkillsContestantTable;
  skills_judges: SkillsJudgeTable;
  skills_modules: SkillsModuleTable;
  skills_aspects: SkillsAspectTable;
  skills_marks: SkillsMarkTable;
  skills_moderations: SkillsModerationTable;
  skills_appeals: SkillsAppealTable;
  skills_certificates: SkillsCertificateTable;
}
