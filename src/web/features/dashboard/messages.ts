import { defineMessages } from '../../i18n/define.js';

// The dashboard's enterprise-services card and its 督办事项 list.
export const dashboardServiceMessages = defineMessages(
  {
    dsTitle: '企业服务',
    dsOpen: '办理中诉求',
    dsOverdue: '超期诉求',
    dsEscalated: '督办中',
    dsOnTime: '按期办结率',
    dsRating: '企业满意度',
    dsConfirmed: '已确认办结',
    dsNone: '—',
    dsEscalatedTitle: '督办事项',
    dsEscalatedEmpty: '暂无督办事项',
    dsEscalatedOn: '{day} 起督办',
    dsDueOn: '期限 {day}',
  },
  {
    dsTitle: 'Enterprise services',
    dsOpen: 'Open requests',
    dsOverdue: 'Overdue',
    dsEscalated: 'Escalated',
    dsOnTime: 'Resolved on time',
    dsRating: 'Average rating',
    dsConfirmed: 'Confirmed',
    dsNone: '—',
    dsEscalatedTitle: 'Escalated requests (督办)',
    dsEscalatedEmpty: 'Nothing is escalated',
    dsEscalatedOn: 'escalated {day}',
    dsDueOn: 'due {day}',
  },
);
