import type { Selectable } from 'kysely';
import { policyValidity, type MatchedPolicy, type Policy, type PolicyDetail, type RuleResult } from '../../shared/policies.js';
import type { PolicyTable } from '../db/schema.js';
import { parseRules } from './queries.js';

type PolicyRow = Selectable<PolicyTable>;

/** Every field is named: a column added to the table never reaches a user by accident. */
export function presentPolicy(row: PolicyRow, today: string): Policy {
  return {
    id: row.id,
    title: row.title,
    issuer: row.issuer,
    docNumber: row.doc_number,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    validity: policyValidity(row.valid_from, row.valid_to, today),
    benefits: row.benefits,
    rules: parseRules(row.rules_json),
    isSample: row.is_sample === 1,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function presentPolicyDetail(row: PolicyRow, today: string): PolicyDetail {
  return { ...presentPolicy(row, today), fullText: row.full_text };
}

export function presentMatchedPolicy(row: PolicyRow, today: string, met: RuleResult[]): MatchedPolicy {
  return { ...presentPolicy(row, today), met };
}
