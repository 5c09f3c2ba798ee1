import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { CreateLeadInput } from '../../shared/leads.js';
import { recordAudit } from '../audit/record.js';
import { nodeTargets } from '../chains/targets.js';
import { nowIso } from '../clock.js';
import type { DB } from '../db/schema.js';
import { leadSearchText } from './search.js';
import { ConflictError, ForbiddenError, ValidationError } from '../errors.js';
import { assertCanRecordLeads } from './policy.js';

/**
 * Records a ranked target as a lead. The score and explanation are recomputed here from the supply
 * graph, so a lead says why it was chosen in the server's words, not the caller's.
 */
export async function recordTargetAsLead(options: { db: Kysely<DB>; user: CurrentUser; input: CreateLeadInput }): Promise<number> {
  const { db, user, input } = options;
  assertCanRecordLeads(user);
  const regionCode = input.regionCode ?? (user.role === 'region' ? user.regionCodes[0] : null) ?? null;
  if (user.role === 'region' && regionCode && !user.regionCodes.includes(regionCode)) {
    throw new ForbiddenError({ zh: '只能为本县市(园区)登记线索', en: 'You can only record leads for your own region' }, 'regionCode', 'region_out_of_scope');
  }
  const { items } = await nodeTargets(db, input.nodeId, 'zh', { enterpriseId: input.enterpriseId });
  const target = items.find((t) => t.enterprise.id === input.enterpriseId);
  if (!target) {
    throw new ValidationError('enterpriseId', { zh: '该企业不是此环节的外地招商目标', en: 'That enterprise is not an outside target for this node' });
  }
  return db.transaction().execute(async (trx) => {
    if (regionCode) {
      const region = await trx.selectFrom('regions').select('code').where('code', '=', regionCode).executeTakeFirst();
      if (!region) throw new ValidationError('regionCode', { zh: '县市(园区)不存在', en: 'No such region' });
    }
    const existing = await trx.selectFrom('leads').select('id').where('enterprise_id', '=', input.enterpriseId).where('node_id', '=', input.nodeId).executeTakeFirst();
    if (existing) {
      throw new ConflictError({ zh: `该企业已是此环节的招商线索(编号 ${existing.id})`, en: `This enterprise is already a lead for this node (ID ${existing.id})` }, 'lead_exists', 'enterpriseId');
    }
    const node = await trx.selectFrom('chain_nodes').select('chain_id').where('id', '=', input.nodeId).executeTakeFirstOrThrow();
    const now = nowIso();
    const row = await trx
      .insertInto('leads')
      .values({
        enterprise_id: input.enterpriseId,
        enterprise_name: target.enterprise.name,
        search_text: leadSearchText(target.enterprise.name, ''),
        chain_id: node.chain_id,
        node_id: input.nodeId,
        region_code: regionCode,
        status: 'new',
        source: 'gap_analysis',
        note: input.note ?? '',
        score: target.score,
        explanation: target.explanation,
        created_by: user.id,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actor: user, action: 'lead.create', entity: 'lead', entityId: row.id, after: row });
    return row.id;
  });
}
