import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import { matchPolicy, type MatchedPolicy } from '../../shared/policies.js';
import type { DB } from '../db/schema.js';
import { presentMatchedPolicy } from './presenter.js';
import { parseRules, policiesInForce } from './queries.js';
import { enterpriseSubject, projectSubject, ruleNames } from './subjects.js';

/**
 * The policies in force that one project or enterprise qualifies for, each with the rules it met;
 * undefined when the subject is outside the caller's scope. The library is small (hundreds), so
 * every policy in force is checked against the one subject in memory.
 */
export async function matchingPolicies(db: Kysely<DB>, user: CurrentUser, subject: { kind: 'project' | 'enterprise'; id: number }, today: string): Promise<MatchedPolicy[] | undefined> {
  const facts = subject.kind === 'project' ? await projectSubject(db, user, subject.id) : await enterpriseSubject(db, user, subject.id);
  if (!facts) return undefined;
  const [policies, names] = await Promise.all([policiesInForce(db, today), ruleNames(db)]);
  return policies.flatMap((row) => {
    const result = matchPolicy(parseRules(row.rules_json), facts, names);
    return result.qualifies ? [presentMatchedPolicy(row, today, result.met)] : [];
  });
}
