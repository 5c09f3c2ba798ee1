// Field names of the opportunity admin and the public interest form, spread into FIELD_LABELS.
export const OPPORTUNITY_FIELD_LABELS: Record<string, { zh: string; en: string }> = {
  title: { zh: '项目标题', en: 'Title' },
  titleEn: { zh: '英文标题', en: 'Title in English' },
  summary: { zh: '项目简介', en: 'Summary' },
  summaryEn: { zh: '英文简介', en: 'Summary in English' },
  landMu: { zh: '用地面积(亩)', en: 'Land (mu)' },
  contact: { zh: '对接联系方式', en: 'Contact' },
  published: { zh: '是否公开', en: 'Published' },
  opportunityId: { zh: '投资项目', en: 'Opportunity' },
  companyName: { zh: '企业名称', en: 'Company name' },
  phone: { zh: '联系电话', en: 'Phone' },
  email: { zh: '电子邮箱', en: 'Email' },
  estimatedInvestmentWan: { zh: '预计投资(万元)', en: 'Estimated investment (10k yuan)' },
  message: { zh: '留言', en: 'Message' },
  website: { zh: '网址', en: 'Website' },
};

// Audit log actions of this module, spread into AUDIT_ACTION_LABELS / AUDIT_ENTITY_LABELS.
export const OPPORTUNITY_AUDIT_ACTIONS: Record<string, { zh: string; en: string }> = {
  'opportunity.create': { zh: '新增投资项目', en: 'Created opportunity' },
  'opportunity.update': { zh: '编辑投资项目', en: 'Edited opportunity' },
  'opportunity.publish': { zh: '公开投资项目', en: 'Published opportunity' },
  'opportunity.unpublish': { zh: '下架投资项目', en: 'Unpublished opportunity' },
  'opportunity.delete': { zh: '删除投资项目', en: 'Deleted opportunity' },
  'public_interest.create': { zh: '公开页面提交投资意向', en: 'Interest left on the public page' },
};
export const OPPORTUNITY_AUDIT_ENTITIES: Record<string, { zh: string; en: string }> = {
  opportunity: { zh: '投资项目', en: 'Opportunity' },
};
