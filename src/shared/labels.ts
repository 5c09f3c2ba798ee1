import { OPPORTUNITY_FIELD_LABELS } from './opportunity-labels.js';
import { STAGE_LABELS } from './stages.js';

// Field names as users read them; the server names the field in its errors with these,
// and the web app labels its forms with the same words.
export const FIELD_LABELS: Record<string, { zh: string; en: string }> = {
  ...OPPORTUNITY_FIELD_LABELS,
  username: { zh: '用户名', en: 'Username' },
  password: { zh: '密码', en: 'Password' },
  name: { zh: '项目名称', en: 'Project name' },
  investorName: { zh: '投资企业', en: 'Investor' },
  investorUscc: { zh: '统一社会信用代码', en: 'Unified social credit code' },
  regionCode: { zh: '所属县市(园区)', en: 'Region' },
  region: { zh: '县市(园区)', en: 'Region' },
  cluster: { zh: '产业集群', en: 'Industrial cluster' },
  chain: { zh: '产业链', en: 'Industrial chain' },
  investmentYuan: { zh: '计划投资(元)', en: 'Planned investment (yuan)' },
  fundsInPlaceYuan: { zh: '到位资金(元)', en: 'Funds in place (yuan)' },
  capacity: { zh: '建设规模/产能', en: 'Capacity' },
  description: { zh: '项目简介', en: 'Description' },
  chainLeader: { zh: '引进链主企业', en: 'Chain leader' },
  officer: { zh: '包联责任人', en: 'Responsible officer' },
  tagGreen: { zh: '含绿量', en: 'Green' },
  tagInnovation: { zh: '含新量', en: 'Innovation' },
  tagValue: { zh: '含金量', en: 'High value' },
  plannedDates: { zh: '计划日期', en: 'Planned dates' },
  stage: { zh: '阶段', en: 'Stage' },
  stageDate: { zh: '阶段日期', en: 'Stage date' },
  to: { zh: '目标阶段', en: 'Target stage' },
  date: { zh: '日期', en: 'Date' },
  note: { zh: '备注', en: 'Note' },
  reason: { zh: '原因', en: 'Reason' },
  version: { zh: '版本号', en: 'Version' },
  enterpriseId: { zh: '企业', en: 'Enterprise' },
  nodeId: { zh: '产业链环节', en: 'Chain node' },
  nodeIds: { zh: '所属环节', en: 'Chain nodes' },
  leadChainIds: { zh: '链主(产业链)', en: 'Chains led' },
  uscc: { zh: '统一社会信用代码', en: 'Unified social credit code' },
  isLocal: { zh: '是否本地企业', en: 'Local enterprise' },
  province: { zh: '省份', en: 'Province' },
  city: { zh: '城市', en: 'City' },
  size: { zh: '企业规模', en: 'Size' },
  contactName: { zh: '联系人', en: 'Contact' },
  contactPhone: { zh: '联系电话', en: 'Phone' },
  supplierId: { zh: '供应方', en: 'Supplier' },
  customerId: { zh: '采购方', en: 'Customer' },
  product: { zh: '产品', en: 'Product' },
  volume: { zh: '数量', en: 'Volume' },
  unit: { zh: '单位', en: 'Unit' },
  source: { zh: '来源', en: 'Source' },
  clusterId: { zh: '产业集群', en: 'Cluster' },
  weakThreshold: { zh: '弱链阈值', en: 'Weak threshold' },
  position: { zh: '位置', en: 'Position' },
  sortOrder: { zh: '排序', en: 'Order' },
  fromNodeId: { zh: '上游环节', en: 'From node' },
  toNodeId: { zh: '下游环节', en: 'To node' },
  local: { zh: '本地/外地', en: 'Local' },
  leader: { zh: '链主', en: 'Chain leader' },
  chainId: { zh: '产业链', en: 'Chain' },
  file: { zh: '文件', en: 'File' },
  page: { zh: '页码', en: 'Page' },
  pageSize: { zh: '每页条数', en: 'Page size' },
  sort: { zh: '排序字段', en: 'Sort field' },
  order: { zh: '排序方向', en: 'Sort order' },
  overdue: { zh: '是否逾期', en: 'Overdue' },
  q: { zh: '搜索词', en: 'Search' },
  id: { zh: '编号', en: 'ID' },
  entity: { zh: '对象类型', en: 'Entity' },
  entityId: { zh: '对象编号', en: 'Entity ID' },
  // events (招商活动)
  theme: { zh: '主题', en: 'Theme' }, startsOn: { zh: '开始日期', en: 'Start date' }, endsOn: { zh: '结束日期', en: 'End date' },
  venue: { zh: '地点', en: 'Venue' }, organiser: { zh: '主办单位', en: 'Organiser' }, personName: { zh: '姓名', en: 'Name' },
  organisation: { zh: '单位', en: 'Organisation' }, invitationStatus: { zh: '邀请状态', en: 'Invitation status' },
  groupId: { zh: '考察分组', en: 'Visit group' }, guestIds: { zh: '分组成员', en: 'Group members' }, place: { zh: '考察点', en: 'Stop' },
  scheduledAt: { zh: '时间', en: 'Time' }, host: { zh: '接待人', en: 'Host' }, stopIds: { zh: '考察点顺序', en: 'Stop order' },
  projectId: { zh: '签约项目', en: 'Project' }, partnerName: { zh: '链主/合作方', en: 'Chain leader or partner' },
  partnerRole: { zh: '合作角色', en: 'Partner role' }, amountYuan: { zh: '签约金额(元)', en: 'Amount signed (yuan)' }, signedOn: { zh: '签约日期', en: 'Signing date' },
  // leads
  enterpriseName: { zh: '目标企业名称', en: 'Target firm' },
  referrerEnterpriseId: { zh: '引荐链主', en: 'Referring chain leader' },
  eventId: { zh: '招商活动', en: 'Event' },
  ownerId: { zh: '负责人', en: 'Owner' },
  estimatedInvestmentYuan: { zh: '预计投资(元)', en: 'Estimated investment (yuan)' },
  nextStep: { zh: '下一步', en: 'Next step' },
  nextStepOn: { zh: '下一步日期', en: 'Next step date' },
  occurredOn: { zh: '发生日期', en: 'Date' },
  people: { zh: '参与人员', en: 'People' },
  summary: { zh: '内容', en: 'Summary' },
  kind: { zh: '类型', en: 'Kind' },
  project: { zh: '签约项目', en: 'Signed project' },
};

/** `overrides` names a field differently where one word means another thing (an event's name is not a project's). */
export function fieldLabel(path: string, lang: 'zh' | 'en', overrides?: Record<string, { zh: string; en: string }>): string {
  const parts = path.split('.');
  const head = overrides?.[parts[0]]?.[lang] ?? FIELD_LABELS[parts[0]]?.[lang] ?? parts[0];
  if (parts.length === 1) return head;
  // plannedDates.landed reads as 计划日期·落地
  const tail = parts.slice(1).map((p) => STAGE_WORDS[p]?.[lang] ?? FIELD_LABELS[p]?.[lang] ?? p);
  return [head, ...tail].join('·');
}

const STAGE_WORDS: Record<string, { zh: string; en: string }> = STAGE_LABELS;
