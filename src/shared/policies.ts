import { z } from 'zod';
import { dateSchema, idSchema, pageOf, pageQuerySchema, plainText, versionSchema, yuanSchema } from './common.js';
import { formatYuan } from './format.js';
import { ENTERPRISE_SIZES, PROJECT_TAGS, type EnterpriseSize, type ProjectTag } from './service-catalog.js';
import { STAGE_LABELS, STAGES, type AnyStage, type Stage } from './stages.js';

type Text = { zh: string; en: string };

export const PROJECT_TAG_LABELS: Record<ProjectTag, Text> = {
  green: { zh: '含绿量', en: 'Green' },
  innovation: { zh: '含新量', en: 'Innovation' },
  value: { zh: '含金量', en: 'High value' },
};
export const POLICY_SIZE_LABELS: Record<EnterpriseSize, Text> = {
  large: { zh: '大型', en: 'Large' },
  medium: { zh: '中型', en: 'Medium' },
  small: { zh: '小型', en: 'Small' },
  micro: { zh: '微型', en: 'Micro' },
};

/**
 * Who a policy is for. Every rule present must hold; the values inside one rule are alternatives.
 * A region code also covers the regions whose parent it is (a county its parks, the prefecture all).
 */
export const policyRulesSchema = z
  .object({
    clusters: z.array(plainText(100).min(1)).min(1).max(20).optional(),
    regionCodes: z.array(plainText(20).min(1)).min(1).max(20).optional(),
    stages: z.array(z.enum(STAGES)).min(1).optional(),
    minInvestmentYuan: yuanSchema.optional(),
    maxInvestmentYuan: yuanSchema.optional(),
    sizes: z.array(z.enum(ENTERPRISE_SIZES)).min(1).optional(),
    tags: z.array(z.enum(PROJECT_TAGS)).min(1).optional(),
  })
  .strict();
export type PolicyRules = z.infer<typeof policyRulesSchema>;

export const RULE_KEYS = ['clusters', 'regions', 'stages', 'investment', 'sizes', 'tags'] as const;
export type RuleKey = (typeof RULE_KEYS)[number];
/** Rules a project meets by itself; an enterprise meets them through one of its projects. */
export const PROJECT_LEVEL_RULES: readonly RuleKey[] = ['stages', 'investment', 'tags'];

const policyFields = {
  title: plainText(200).min(1),
  issuer: plainText(200).optional(),
  docNumber: plainText(100).optional(),
  validFrom: dateSchema.nullable().optional(),
  validTo: dateSchema.nullable().optional(),
  benefits: plainText(5000).optional(),
  fullText: plainText(100_000).optional(),
  rules: policyRulesSchema.optional(),
};
export const createPolicySchema = z.object(policyFields).strict();
export type CreatePolicyInput = z.infer<typeof createPolicySchema>;
export const updatePolicySchema = z
  .object(policyFields)
  .partial()
  .extend({ version: versionSchema })
  .strict();
export type UpdatePolicyInput = z.infer<typeof updatePolicySchema>;
export const deletePolicyQuerySchema = z.object({ version: z.coerce.number().int().min(1) }).strict();

export const POLICY_VALIDITIES = ['valid', 'expired', 'upcoming'] as const;
export type PolicyValidity = (typeof POLICY_VALIDITIES)[number];
export const POLICY_VALIDITY_LABELS: Record<PolicyValidity, Text> = {
  valid: { zh: '有效', en: 'In force' },
  expired: { zh: '已失效', en: 'Expired' },
  upcoming: { zh: '未生效', en: 'Not yet in force' },
};
export const POLICY_SORTS = ['updatedAt', 'validTo', 'validFrom', 'title'] as const;
export const policyFilterSchema = z
  .object({
    q: plainText(100).optional(),
    validity: z.enum(POLICY_VALIDITIES).optional(),
    cluster: plainText(100).optional(),
    sort: z.enum(POLICY_SORTS).default('updatedAt'),
    order: z.enum(['asc', 'desc']).default('desc'),
  })
  .strict();
export type PolicyFilter = z.infer<typeof policyFilterSchema>;
export const policyListQuerySchema = pageQuerySchema.extend(policyFilterSchema.shape).strict();
export type PolicyListQuery = z.infer<typeof policyListQuerySchema>;

export const policySchema = z.object({
  id: z.number().int(),
  title: z.string(),
  issuer: z.string(),
  docNumber: z.string(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  validity: z.enum(POLICY_VALIDITIES),
  benefits: z.string(),
  rules: policyRulesSchema,
  isSample: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Policy = z.infer<typeof policySchema>;
export const policyDetailSchema = policySchema.extend({ fullText: z.string() });
export type PolicyDetail = z.infer<typeof policyDetailSchema>;
export const policyPageSchema = pageOf(policySchema);
export type PolicyPage = z.infer<typeof policyPageSchema>;

export const ruleResultSchema = z.object({ rule: z.enum(RULE_KEYS), ok: z.boolean(), zh: z.string(), en: z.string() });
export type RuleResult = z.infer<typeof ruleResultSchema>;

/** A valid policy a subject qualifies for, with the rules it met. */
export const matchedPolicySchema = policySchema.extend({ met: z.array(ruleResultSchema) });
export type MatchedPolicy = z.infer<typeof matchedPolicySchema>;
export const matchedPolicyListSchema = z.object({ items: z.array(matchedPolicySchema) });

export const MATCH_KINDS = ['projects', 'enterprises'] as const;
export const policyMatchQuerySchema = pageQuerySchema.extend({ kind: z.enum(MATCH_KINDS).default('projects') }).strict();
export type PolicyMatchQuery = z.infer<typeof policyMatchQuerySchema>;
export const policyMatchSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  /** Projects: the stage, investment and cluster; enterprises: the size. */
  stage: z.string().nullable(),
  investmentYuan: z.number().nullable(),
  cluster: z.string().nullable(),
  size: z.enum(ENTERPRISE_SIZES).nullable(),
});
export type PolicyMatch = z.infer<typeof policyMatchSchema>;
export const policyMatchPageSchema = pageOf(policyMatchSchema);
export const policyIdSchema = idSchema;

/** What a policy's rules are checked against for one project. */
export interface ProjectFacts {
  name: string;
  stage: AnyStage;
  investmentYuan: number;
  tags: ProjectTag[];
}
export interface RegionFacts {
  regionCode: string | null;
  /** The parent of the subject's region (a park's county), so a county rule covers its parks. */
  regionParentCode: string | null;
}
export type MatchSubject =
  | ({ kind: 'project'; cluster: string; size: EnterpriseSize | null } & RegionFacts & ProjectFacts)
  | ({ kind: 'enterprise'; clusters: string[]; size: EnterpriseSize | null; projects: ProjectFacts[] } & RegionFacts);

/** Names shown in rule texts; a code without a name is shown as the code. */
export interface RuleNames {
  regions?: Record<string, Text>;
}

const list = (items: Text[], lang: 'zh' | 'en') => items.map((t) => t[lang]).join(lang === 'zh' ? '、' : ', ');

function investmentText(rules: PolicyRules): Text {
  const { minInvestmentYuan: min, maxInvestmentYuan: max } = rules;
  const side = (lang: 'zh' | 'en') => {
    if (min !== undefined && max !== undefined) return `${formatYuan(min, lang)}–${formatYuan(max, lang)}`;
    if (min !== undefined) return lang === 'zh' ? `不低于${formatYuan(min)}` : `at least ${formatYuan(min, 'en')}`;
    return lang === 'zh' ? `不超过${formatYuan(max ?? 0)}` : `at most ${formatYuan(max ?? 0, 'en')}`;
  };
  return { zh: side('zh'), en: side('en') };
}

/** Each present rule as a readable label and its values ("产业集群:新能源新材料"), in a fixed order. */
export function describeRules(rules: PolicyRules, names: RuleNames = {}): { rule: RuleKey; zh: string; en: string }[] {
  const out: { rule: RuleKey; zh: string; en: string }[] = [];
  const add = (rule: RuleKey, label: Text, values: Text) => out.push({ rule, zh: `${label.zh}:${values.zh}`, en: `${label.en}: ${values.en}` });
  const both = (items: Text[]) => ({ zh: list(items, 'zh'), en: list(items, 'en') });
  if (rules.clusters) add('clusters', { zh: '产业集群', en: 'Cluster' }, both(rules.clusters.map((c) => ({ zh: c, en: c }))));
  if (rules.regionCodes) add('regions', { zh: '地区', en: 'Region' }, both(rules.regionCodes.map((c) => names.regions?.[c] ?? { zh: c, en: c })));
  if (rules.stages) add('stages', { zh: '项目阶段', en: 'Stage' }, both(rules.stages.map((s) => STAGE_LABELS[s])));
  if (rules.minInvestmentYuan !== undefined || rules.maxInvestmentYuan !== undefined) add('investment', { zh: '投资额', en: 'Investment' }, investmentText(rules));
  if (rules.sizes) add('sizes', { zh: '企业规模', en: 'Enterprise size' }, both(rules.sizes.map((s) => POLICY_SIZE_LABELS[s])));
  if (rules.tags) add('tags', { zh: '项目标签', en: 'Project tags' }, both(rules.tags.map((t) => PROJECT_TAG_LABELS[t])));
  return out;
}

function regionMatches(codes: string[], facts: RegionFacts): boolean {
  return codes.some((c) => c === facts.regionCode || (facts.regionParentCode !== null && c === facts.regionParentCode));
}

/** Whether one project meets one project-level rule. */
function projectRuleHolds(rule: RuleKey, rules: PolicyRules, p: ProjectFacts): boolean {
  switch (rule) {
    case 'stages':
      return rules.stages!.includes(p.stage as Stage);
    case 'investment':
      return (rules.minInvestmentYuan === undefined || p.investmentYuan >= rules.minInvestmentYuan) && (rules.maxInvestmentYuan === undefined || p.investmentYuan <= rules.maxInvestmentYuan);
    case 'tags':
      return rules.tags!.some((t) => p.tags.includes(t));
    default:
      return true;
  }
}

/**
 * Checks a policy's rules against one project or enterprise. A terminated project qualifies for
 * nothing, and an enterprise meets the project-level rules (stage, investment, tags) only when one of
 * its live projects meets all of them together; otherwise its closest project's results are shown.
 */
export function matchPolicy(rules: PolicyRules, subject: MatchSubject, names: RuleNames = {}): { qualifies: boolean; met: RuleResult[]; failed: RuleResult[] } {
  const described = describeRules(rules, names);
  const present = described.map((d) => d.rule);
  const projectRules = present.filter((r) => PROJECT_LEVEL_RULES.includes(r));
  const live = subject.kind === 'project' ? [subject].filter((p) => p.stage !== 'terminated') : subject.projects.filter((p) => p.stage !== 'terminated');
  const score = (p: ProjectFacts) => projectRules.filter((r) => projectRuleHolds(r, rules, p)).length;
  const best = live.reduce<ProjectFacts | null>((a, p) => (a === null || score(p) > score(a) ? p : a), null);
  const holds = (rule: RuleKey): boolean => {
    switch (rule) {
      case 'clusters':
        return subject.kind === 'project' ? rules.clusters!.includes(subject.cluster) : subject.clusters.some((c) => rules.clusters!.includes(c));
      case 'regions':
        return regionMatches(rules.regionCodes!, subject);
      case 'sizes':
        return subject.size !== null && rules.sizes!.includes(subject.size);
      default:
        return best !== null && projectRuleHolds(rule, rules, best);
    }
  };
  const met: RuleResult[] = [];
  const failed: RuleResult[] = [];
  for (const d of described) {
    const ok = holds(d.rule);
    const via = subject.kind === 'enterprise' && ok && PROJECT_LEVEL_RULES.includes(d.rule) && best ? { zh: `(项目:${best.name})`, en: ` (project: ${best.name})` } : { zh: '', en: '' };
    (ok ? met : failed).push({ rule: d.rule, ok, zh: `${d.zh}${via.zh} ${ok ? '✓' : '✗'}`, en: `${d.en}${via.en} ${ok ? '✓' : '✗'}` });
  }
  const alive = live.length > 0 || (subject.kind === 'enterprise' && projectRules.length === 0);
  return { qualifies: alive && failed.length === 0, met, failed };
}

/** In force on `today`: from and to are inclusive, a missing end is open. */
export function policyValidity(validFrom: string | null, validTo: string | null, today: string): PolicyValidity {
  if (validFrom !== null && validFrom > today) return 'upcoming';
  if (validTo !== null && validTo < today) return 'expired';
  return 'valid';
}
