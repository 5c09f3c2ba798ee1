import dayjs, { type Dayjs } from 'dayjs';
import type { CreateLeadInput, Lead, LeadSource } from '../../../shared/leads.js';

/** What the form holds: money in 万元 as officers speak of it, the date as dayjs. */
export interface LeadFormValues {
  firmMode: 'base' | 'new';
  enterpriseId?: number;
  enterpriseName?: string;
  contactName?: string;
  contactPhone?: string;
  source: LeadSource;
  referrerEnterpriseId?: number;
  eventId?: number;
  chainId?: number;
  nodeId?: number;
  regionCode?: string;
  ownerId?: number;
  investmentWan?: number | null;
  nextStep?: string;
  nextStepOn?: Dayjs | null;
  note?: string;
}

export function toFormValues(l: Lead): LeadFormValues {
  return {
    firmMode: l.enterprise.id ? 'base' : 'new',
    enterpriseId: l.enterprise.id ?? undefined,
    enterpriseName: l.enterprise.id ? undefined : l.enterprise.name,
    contactName: l.contactName,
    contactPhone: l.contactPhone,
    source: l.source,
    referrerEnterpriseId: l.referrer?.id,
    eventId: l.event?.id,
    chainId: l.chain?.id,
    nodeId: l.node?.id,
    regionCode: l.regionCode ?? undefined,
    ownerId: l.owner?.id,
    investmentWan: l.estimatedInvestmentYuan == null ? null : l.estimatedInvestmentYuan / 10_000,
    nextStep: l.nextStep,
    nextStepOn: l.nextStepOn ? dayjs(l.nextStepOn) : null,
    note: l.note,
  };
}

export function toInput(v: LeadFormValues): CreateLeadInput {
  const base = v.firmMode === 'base';
  return {
    enterpriseId: base ? (v.enterpriseId ?? null) : null,
    enterpriseName: base ? undefined : (v.enterpriseName ?? '').trim(),
    contactName: v.contactName?.trim() ?? '',
    contactPhone: v.contactPhone?.trim() ?? '',
    source: v.source,
    referrerEnterpriseId: v.source === 'chain_leader_referral' ? (v.referrerEnterpriseId ?? null) : null,
    eventId: v.source === 'conference' ? (v.eventId ?? null) : null,
    chainId: v.chainId ?? null,
    nodeId: v.nodeId ?? null,
    regionCode: v.regionCode ?? null,
    ownerId: v.ownerId ?? null,
    estimatedInvestmentYuan: v.investmentWan == null ? null : Math.round(v.investmentWan * 10_000),
    nextStep: v.nextStep?.trim() ?? '',
    nextStepOn: v.nextStepOn ? v.nextStepOn.format('YYYY-MM-DD') : null,
    note: v.note?.trim() ?? '',
  };
}

/** Server field paths → this form's names (the 万元 input). */
export const FIELD_RENAME = { estimatedInvestmentYuan: 'investmentWan' };
export const FORM_FIELDS = [
  'enterpriseId', 'enterpriseName', 'contactName', 'contactPhone', 'source', 'referrerEnterpriseId', 'chainId', 'nodeId',
  'regionCode', 'ownerId', 'estimatedInvestmentYuan', 'nextStep', 'nextStepOn', 'note',
];
