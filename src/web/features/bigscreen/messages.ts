import { defineMessages } from '../../i18n/define.js';

// 大屏: the wall screen's own words; the charts' titles are the command view's.
export const bigscreenMessages = defineMessages(
  {
    bsTitle: '昌吉州产业链招商指挥大屏',
    bsBack: '返回指挥视图',
    bsUpdated: '数据更新于 {time}',
    bsFigures: '年度核心指标',
    bsMap: '各县市项目分布',
    bsOverdue: '逾期项目',
    bsNoOverdue: '暂无逾期项目',
    bsDaysLate: '逾期 {n} 天',
    bsRequests: '企业诉求办理',
    bsRequestsOpen: '在办诉求',
    bsRequestsOverdue: '超期未办结',
  },
  {
    bsTitle: 'Changji Industrial Chain Investment Command Screen',
    bsBack: 'Back to the command view',
    bsUpdated: 'Data updated at {time}',
    bsFigures: 'Headline figures this year',
    bsMap: 'Projects by county',
    bsOverdue: 'Overdue projects',
    bsNoOverdue: 'No overdue projects',
    bsDaysLate: '{n} days late',
    bsRequests: 'Enterprise requests',
    bsRequestsOpen: 'Open requests',
    bsRequestsOverdue: 'Past deadline',
  },
);
