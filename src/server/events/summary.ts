import type { EventSummary } from '../../shared/events.js';

export interface SigningFacts {
  region_code: string;
  investor_name: string;
  investor_enterprise_id: number | null;
  partner_name: string;
  partner_enterprise_id: number | null;
  partner_role: string;
  amount_yuan: number | string | bigint;
}

// A firm counts once however it is recorded: by its enterprise-base id when it has one, else by name.
const firmKey = (id: number | null, name: string) => (id !== null ? `id:${id}` : `name:${name.trim()}`);

/** Hundredths of 亿元, rounded half up in whole numbers so 5,742,000,000 yuan reads exactly 57.42. */
export function yiWithTwoDecimals(yuan: number): string {
  const hundredths = Math.round(yuan / 1_000_000);
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

/**
 * The signing in the report's own words: 「6个县市(园区)与9家“链主”企业、16家产业链上下游优质企业,
 * 共签约合作项目16个,总投资达57.42亿元」. Regions are the signings' distinct regions, chain leaders the
 * distinct partners signing as chain leader, and the upstream/downstream firms the distinct investors.
 */
export function summariseSignings(rows: SigningFacts[]): EventSummary {
  const regions = new Set(rows.map((r) => r.region_code)).size;
  const chainLeaders = new Set(rows.filter((r) => r.partner_role === 'chain_leader' && (r.partner_enterprise_id !== null || r.partner_name.trim())).map((r) => firmKey(r.partner_enterprise_id, r.partner_name))).size;
  const partners = new Set(rows.map((r) => firmKey(r.investor_enterprise_id, r.investor_name))).size;
  const totalYuan = rows.reduce((sum, r) => sum + Number(r.amount_yuan), 0);
  const totalYi = yiWithTwoDecimals(totalYuan);
  const projects = rows.length;
  const billion = (Math.round(totalYuan / 1_000_000) / 1000).toString();
  return {
    regions,
    chainLeaders,
    partners,
    projects,
    totalYuan,
    totalYi,
    sentenceZh: `${regions}个县市(园区)与${chainLeaders}家“链主”企业、${partners}家产业链上下游优质企业,共签约合作项目${projects}个,总投资达${totalYi}亿元`,
    sentenceEn: `${regions} counties, cities and parks signed ${projects} cooperation projects with ${chainLeaders} chain-leader enterprises and ${partners} upstream and downstream enterprises, with a total investment of ${totalYi} hundred million yuan (${billion} billion yuan)`,
  };
}
