import type { LeadSource } from './leads.js';

// Plain data (no zod) so the web app can show these without loading the schemas.
export const LEAD_SOURCE_LABELS: Record<LeadSource, { zh: string; en: string }> = {
  gap_analysis: { zh: '补链分析', en: 'Gap analysis' },
  chain_leader_referral: { zh: '以商招商(链主引荐)', en: 'Chain-leader referral' },
  conference: { zh: '招商活动', en: 'Conference' },
  visit: { zh: '走访', en: 'Visit' },
  desk_research: { zh: '案头研究', en: 'Desk research' },
  public_page: { zh: '公开页面', en: 'Public page' },
};

export const LEAD_ACTIVITY_LABELS: Record<'visit' | 'call' | 'meeting' | 'note' | 'status', { zh: string; en: string }> = {
  visit: { zh: '走访', en: 'Visit' },
  call: { zh: '电话', en: 'Call' },
  meeting: { zh: '会谈', en: 'Meeting' },
  note: { zh: '记事', en: 'Note' },
  status: { zh: '状态变更', en: 'Status change' },
};
