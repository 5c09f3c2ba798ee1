import { sql, type Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import { nowIso } from '../clock.js';
import type { DB } from '../db/schema.js';
import { enterpriseMatches, type SqlRules } from './conditions.js';
import { policyMatchScope } from './policy.js';

/** A list older than this is made again even if nothing seems to have changed: bounds any race missed below. */
const MAX_AGE_MS = 15 * 60 * 1000;

/**
 * Makes sure policy_enterprise_matches holds exactly the enterprises that `rules` admit today. The list
 * is made again when the resolved rules differ from the ones it was made from (a rule edited, a cluster
 * gaining a node, a county gaining a park) or when any enterprise or project was written since it was
 * made: every such write stamps updated_at, and the latest stamp is one index read on each table.
 */
export async function ensureEnterpriseMatches(db: Kysely<DB>, policyId: number, rules: SqlRules): Promise<void> {
  const signature = JSON.stringify(rules);
  const [run, latest] = await Promise.all([
    db.selectFrom('policy_match_runs').selectAll().where('policy_id', '=', policyId).executeTakeFirst(),
    latestWrite(db),
  ]);
  const fresh = run && run.signature === signature && (latest === null || run.computed_at > latest) && Date.now() - Date.parse(run.computed_at) < MAX_AGE_MS;
  if (fresh) return;
  // Stamped before reading: a write that lands while the list is made leaves a later stamp behind it.
  const computedAt = nowIso();
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('policy_enterprise_matches').where('policy_id', '=', policyId).execute();
    await trx
      .insertInto('policy_enterprise_matches')
      .columns(['policy_id', 'enterprise_id', 'name', 'region_code'])
      .expression(
        trx
          .selectFrom('enterprises')
          .where(enterpriseMatches(rules))
          .select((eb) => [sql.lit(policyId).as('policy_id'), 'enterprises.id', 'enterprises.name', 'enterprises.region_code'])
          .$castTo<{ policy_id: number; id: number; name: string; region_code: string | null }>(),
      )
      // Two readers making the same list at once on PostgreSQL write the same rows.
      .onConflict((oc) => oc.columns(['policy_id', 'enterprise_id']).doNothing())
      .execute();
    await trx
      .insertInto('policy_match_runs')
      .values({ policy_id: policyId, signature, computed_at: computedAt })
      .onConflict((oc) => oc.column('policy_id').doUpdateSet({ signature, computed_at: computedAt }))
      .execute();
  });
}

async function latestWrite(db: Kysely<DB>): Promise<string | null> {
  const [enterprises, projects] = await Promise.all([
    db.selectFrom('enterprises').select((eb) => eb.fn.max('updated_at').as('at')).executeTakeFirst(),
    db.selectFrom('projects').select((eb) => eb.fn.max('updated_at').as('at')).executeTakeFirst(),
  ]);
  const stamps = [enterprises?.at, projects?.at].filter((s): s is string => typeof s === 'string');
  return stamps.length ? stamps.sort().at(-1)! : null;
}

/** The stored list inside the caller's scope (policyMatchScope). */
export function scopedEnterpriseMatches(db: Kysely<DB>, user: CurrentUser, policyId: number) {
  return db.selectFrom('policy_enterprise_matches').where('policy_enterprise_matches.policy_id', '=', policyId).where(policyMatchScope(user));
}
