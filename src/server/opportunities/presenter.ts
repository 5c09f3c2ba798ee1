import type { Lang } from '../errors.js';
import type { Interest, Opportunity, PublicGap, PublicOffer } from '../../shared/opportunities.js';
import type { LeadTable, OpportunityTable, PublicInterestTable } from '../db/schema.js';
import type { Selectable } from 'kysely';

export type OpportunityRow = Selectable<OpportunityTable> & {
  region_name: string | null;
  region_name_en: string | null;
  chain_name: string | null;
  node_name: string | null;
  interest_count?: number | string | null;
};

const num = (v: number | string | null) => (v === null ? null : Number(v));

/** Every field is named: a column added to the table never reaches a user by accident. */
export function presentOpportunity(row: OpportunityRow): Opportunity {
  return {
    id: row.id,
    title: row.title,
    titleEn: row.title_en,
    summary: row.summary,
    summaryEn: row.summary_en,
    region: row.region_code !== null ? { code: row.region_code, name: row.region_name ?? '' } : null,
    chain: row.chain_id !== null ? { id: row.chain_id, name: row.chain_name ?? '' } : null,
    node: row.node_id !== null ? { id: row.node_id, name: row.node_name ?? '' } : null,
    investmentYuan: num(row.investment_yuan),
    landMu: num(row.land_mu),
    contact: row.contact,
    published: row.published === 1,
    isSample: row.is_sample === 1,
    interestCount: Number(row.interest_count ?? 0),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The English text when asked for and present, else the Chinese, saying which it is. */
export function localized(zh: string, en: string | null | undefined, lang: Lang): { text: string; translated: boolean } {
  if (lang === 'zh') return { text: zh, translated: true };
  return en ? { text: en, translated: true } : { text: zh, translated: false };
}

function localRef(id: number | null, zh: string | null, lang: Lang) {
  if (id === null) return null;
  // The chain map keeps Chinese names only: an English visitor is told the name is untranslated.
  const { text, translated } = localized(zh ?? '', null, lang);
  return { id, name: text, translated };
}

/**
 * What a visitor without an account may read of an offer: no author, no version, no internal state.
 * Unpublished offers never reach this function (the query asks for published ones only).
 */
export function presentPublicOffer(row: OpportunityRow, lang: Lang): PublicOffer {
  const title = localized(row.title, row.title_en, lang);
  const summary = localized(row.summary, row.summary_en, lang);
  return {
    id: row.id,
    title: title.text,
    summary: summary.text,
    translated: title.translated && (summary.translated || row.summary === ''),
    region: row.region_code !== null ? { code: row.region_code, name: (lang === 'en' ? row.region_name_en : row.region_name) ?? row.region_name ?? '' } : null,
    chain: localRef(row.chain_id, row.chain_name, lang),
    node: localRef(row.node_id, row.node_name, lang),
    investmentYuan: num(row.investment_yuan),
    landMu: num(row.land_mu),
    contact: row.contact,
    isSample: row.is_sample === 1,
  };
}

export function presentGap(node: { id: number; name: string; position: PublicGap['position']; status: 'missing' | 'weak' }, lang: Lang): PublicGap {
  return { node: localRef(node.id, node.name, lang)!, position: node.position, status: node.status };
}

export type InterestRow = Pick<Selectable<PublicInterestTable>, 'id' | 'created_at' | 'address' | 'lead_id' | 'opportunity_id'> &
  Pick<Selectable<LeadTable>, 'status' | 'enterprise_name' | 'contact_name' | 'contact_phone' | 'contact_email' | 'estimated_investment_yuan' | 'note' | 'node_id' | 'chain_id' | 'region_code'> & {
    opportunity_title: string | null;
    node_name: string | null;
    chain_name: string | null;
    region_name: string | null;
  };

export function presentInterest(row: InterestRow, showAddress: boolean): Interest {
  return {
    id: row.id,
    createdAt: row.created_at,
    lead: { id: row.lead_id, status: row.status as Interest['lead']['status'] },
    companyName: row.enterprise_name,
    contactName: row.contact_name,
    phone: row.contact_phone,
    email: row.contact_email,
    estimatedInvestmentYuan: num(row.estimated_investment_yuan),
    message: row.note,
    opportunity: row.opportunity_id !== null ? { id: row.opportunity_id, title: row.opportunity_title ?? '' } : null,
    node: row.node_id !== null ? { id: row.node_id, name: row.node_name ?? '' } : null,
    chain: row.chain_id !== null ? { id: row.chain_id, name: row.chain_name ?? '' } : null,
    region: row.region_code !== null ? { code: row.region_code, name: row.region_name ?? '' } : null,
    address: showAddress ? row.address : null,
  };
}
