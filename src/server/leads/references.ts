import type { Selectable, Transaction, Updateable } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { CreateLeadInput } from '../../shared/leads.js';
import type { DB, LeadTable } from '../db/schema.js';
import { ValidationError } from '../errors.js';
import { assertCanUseLeadRegion } from './policy.js';
import { leadSearchText } from './search.js';

export type LeadColumns = Updateable<LeadTable>;
type Current = Pick<
  Selectable<LeadTable>,
  'enterprise_id' | 'enterprise_name' | 'contact_name' | 'chain_id' | 'node_id' | 'source' | 'referrer_enterprise_id' | 'region_code' | 'owner_id'
>;

/**
 * Turns what the caller sent (all of a new lead, or a PATCH's part) into columns, checking every id it
 * names: the firm, chain and node, the referring chain leader, the event, the region and the owner.
 * `current` is the stored lead on an edit, so rules that span fields see the lead as it will be.
 */
export async function leadColumns(trx: Transaction<DB>, user: CurrentUser, input: Partial<CreateLeadInput>, current?: Current): Promise<LeadColumns> {
  const out: LeadColumns = {};
  if (input.enterpriseId) {
    const firm = await trx.selectFrom('enterprises').select('name').where('id', '=', input.enterpriseId).executeTakeFirst();
    if (!firm) throw new ValidationError('enterpriseId', { zh: '企业不在企业库中', en: 'No such enterprise in the enterprise base' });
    Object.assign(out, { enterprise_id: input.enterpriseId, enterprise_name: firm.name });
  } else if (input.enterpriseId === null || input.enterpriseName !== undefined) {
    const name = input.enterpriseName ?? (input.enterpriseId === null ? '' : undefined);
    if (input.enterpriseId === null || !current?.enterprise_id) {
      if (!name) throw new ValidationError('enterpriseName', { zh: '请从企业库选择企业或填写企业名称', en: 'Choose a firm from the base or type its name' });
      Object.assign(out, { enterprise_id: null, enterprise_name: name });
    }
  } else if (!current) {
    throw new ValidationError('enterpriseName', { zh: '请从企业库选择企业或填写企业名称', en: 'Choose a firm from the base or type its name' });
  }
  if (input.contactName !== undefined) out.contact_name = input.contactName;
  if (input.contactPhone !== undefined) out.contact_phone = input.contactPhone;
  if (out.enterprise_name !== undefined || input.contactName !== undefined) {
    out.search_text = leadSearchText(String(out.enterprise_name ?? current?.enterprise_name ?? ''), input.contactName ?? current?.contact_name ?? '');
  }

  if (input.nodeId) {
    const node = await trx.selectFrom('chain_nodes').select('chain_id').where('id', '=', input.nodeId).executeTakeFirst();
    if (!node) throw new ValidationError('nodeId', { zh: '产业链环节不存在', en: 'No such chain node' });
    if (input.chainId && input.chainId !== node.chain_id) {
      throw new ValidationError('nodeId', { zh: '该环节不属于所选产业链', en: 'That node is not on the chosen chain' });
    }
    Object.assign(out, { node_id: input.nodeId, chain_id: node.chain_id });
  } else {
    if (input.nodeId === null) out.node_id = null;
    if (input.chainId) {
      const chain = await trx.selectFrom('chains').select('id').where('id', '=', input.chainId).executeTakeFirst();
      if (!chain) throw new ValidationError('chainId', { zh: '产业链不存在', en: 'No such chain' });
      out.chain_id = input.chainId;
      // A node kept from before stays only while it is on the chain the lead now names.
      if (current?.node_id && current.chain_id !== input.chainId) out.node_id = null;
    } else if (input.chainId === null) {
      Object.assign(out, { chain_id: null, node_id: null });
    }
  }

  if (input.source !== undefined) out.source = input.source;
  if (input.referrerEnterpriseId !== undefined) out.referrer_enterprise_id = input.referrerEnterpriseId;
  const source = input.source ?? current?.source;
  const referrer = input.referrerEnterpriseId !== undefined ? input.referrerEnterpriseId : current?.referrer_enterprise_id ?? null;
  if (source === 'chain_leader_referral' && !referrer) {
    throw new ValidationError('referrerEnterpriseId', { zh: '以商招商线索须注明引荐的链主企业', en: 'A chain-leader referral must name the referring chain leader' }, 'referrer_required');
  }
  if (input.referrerEnterpriseId && input.referrerEnterpriseId !== current?.referrer_enterprise_id) {
    const leader = await trx.selectFrom('chain_leaders').select('enterprise_id').where('enterprise_id', '=', input.referrerEnterpriseId).executeTakeFirst();
    if (!leader) throw new ValidationError('referrerEnterpriseId', { zh: '引荐企业须是链主企业', en: 'The referrer must be a chain leader' }, 'referrer_not_chain_leader');
  }

  if (input.eventId !== undefined) {
    if (input.eventId) {
      const event = await trx.selectFrom('events').select('id').where('id', '=', input.eventId).executeTakeFirst();
      if (!event) throw new ValidationError('eventId', { zh: '活动不存在', en: 'No such event' });
    }
    out.event_id = input.eventId;
  }

  // A form sends every field back; only what changed is checked again (an officer may keep editing a
  // lead they filed for another region, and an owner who has since left stays until replaced).
  // A new lead from a region officer lands in their region unless they name another of theirs.
  if (!current && user.role === 'region' && !input.regionCode) input = { ...input, regionCode: user.regionCodes[0] ?? null };
  if (input.regionCode !== undefined && input.regionCode !== current?.region_code) {
    if (input.regionCode) {
      const region = await trx.selectFrom('regions').select('code').where('code', '=', input.regionCode).executeTakeFirst();
      if (!region) throw new ValidationError('regionCode', { zh: '县市(园区)不存在', en: 'No such region' });
    }
    assertCanUseLeadRegion(user, input.regionCode);
    out.region_code = input.regionCode;
  }

  if (input.ownerId !== undefined && input.ownerId !== current?.owner_id) {
    if (input.ownerId) {
      const owner = await trx.selectFrom('users').select('role').where('id', '=', input.ownerId).where('active', '=', 1).executeTakeFirst();
      if (!owner || (owner.role !== 'admin' && owner.role !== 'region')) {
        throw new ValidationError('ownerId', { zh: '负责人须是招商局或县市(园区)招商人员', en: 'The owner must be an investment officer' });
      }
    }
    out.owner_id = input.ownerId;
  }
  if (input.estimatedInvestmentYuan !== undefined) out.estimated_investment_yuan = input.estimatedInvestmentYuan;
  if (input.nextStep !== undefined) out.next_step = input.nextStep;
  if (input.nextStepOn !== undefined) out.next_step_on = input.nextStepOn;
  if (input.note !== undefined) out.note = input.note;
  return out;
}
