import dayjs, { type Dayjs } from 'dayjs';
import type { CreatePolicyInput, PolicyDetail, PolicyRules } from '../../../shared/policies.js';
import type { EnterpriseSize, ProjectTag } from '../../../shared/service-catalog.js';
import type { Stage } from '../../../shared/stages.js';

/** What the form holds: investment bounds in 万元 as officers speak of them, dates as dayjs. */
export interface PolicyFormValues {
  title: string;
  issuer?: string;
  docNumber?: string;
  validFrom?: Dayjs | null;
  validTo?: Dayjs | null;
  benefits?: string;
  fullText?: string;
  clusters?: string[];
  regionCodes?: string[];
  stages?: Stage[];
  sizes?: EnterpriseSize[];
  tags?: ProjectTag[];
  minWan?: number | null;
  maxWan?: number | null;
}

const wan = (yuan: number | undefined) => (yuan === undefined ? null : yuan / 10_000);
const yuan = (w: number | null | undefined) => (w === null || w === undefined ? undefined : Math.round(w * 10_000));
const many = <T,>(v: T[] | undefined) => (v && v.length ? v : undefined);

export function toFormValues(p: PolicyDetail): PolicyFormValues {
  return {
    title: p.title,
    issuer: p.issuer,
    docNumber: p.docNumber,
    validFrom: p.validFrom ? dayjs(p.validFrom) : null,
    validTo: p.validTo ? dayjs(p.validTo) : null,
    benefits: p.benefits,
    fullText: p.fullText,
    clusters: p.rules.clusters ?? [],
    regionCodes: p.rules.regionCodes ?? [],
    stages: p.rules.stages ?? [],
    sizes: p.rules.sizes ?? [],
    tags: p.rules.tags ?? [],
    minWan: wan(p.rules.minInvestmentYuan),
    maxWan: wan(p.rules.maxInvestmentYuan),
  };
}

/** The API body: yuan, not 万元; an empty rule is left out (no limit). */
export function toInput(v: PolicyFormValues): CreatePolicyInput {
  const rules: PolicyRules = {
    clusters: many(v.clusters),
    regionCodes: many(v.regionCodes),
    stages: many(v.stages),
    sizes: many(v.sizes),
    tags: many(v.tags),
    minInvestmentYuan: yuan(v.minWan),
    maxInvestmentYuan: yuan(v.maxWan),
  };
  return {
    title: v.title,
    issuer: v.issuer ?? '',
    docNumber: v.docNumber ?? '',
    validFrom: v.validFrom ? v.validFrom.format('YYYY-MM-DD') : null,
    validTo: v.validTo ? v.validTo.format('YYYY-MM-DD') : null,
    benefits: v.benefits ?? '',
    fullText: v.fullText ?? '',
    rules: Object.fromEntries(Object.entries(rules).filter(([, value]) => value !== undefined)) as PolicyRules,
  };
}

/** API field paths → form names, so a server error lands on the input that caused it. */
export const FIELD_RENAME: Record<string, string> = {
  'rules.minInvestmentYuan': 'minWan',
  'rules.maxInvestmentYuan': 'maxWan',
  'rules.clusters': 'clusters',
  'rules.regionCodes': 'regionCodes',
  'rules.stages': 'stages',
  'rules.sizes': 'sizes',
  'rules.tags': 'tags',
};
export const FORM_FIELDS = ['title', 'issuer', 'docNumber', 'validFrom', 'validTo', 'benefits', 'fullText', 'rules'];
