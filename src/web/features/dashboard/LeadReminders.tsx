import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Tag, theme, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { daysBetween, todayInShanghai } from '../../../shared/format.js';
import { endpoints } from '../../api/endpoints.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { LeadStatusTag } from '../leads/labels.js';

/** The user's inbox: leads whose next step is past due, oldest first, each a link to the lead. */
export function LeadReminders() {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const reminders = useQuery({ queryKey: ['lead-reminders'], queryFn: endpoints.leadReminders });
  const data = reminders.data;
  const today = todayInShanghai();
  return (
    <Card
      size="small"
      title={t('lpRemindersTitle')}
      style={{ marginTop: 12 }}
      data-testid="lead-reminders"
      extra={data && data.total > 0 && <Link to="/leads?overdue=true">{t('lpRemindersMore', { n: data.total })}</Link>}
    >
      {data && data.items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('lpRemindersEmpty')} />}
      {data?.items.map((l) => (
        <div key={l.id} data-testid="lead-reminder" style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap', padding: '6px 0', borderBottom: `1px solid ${token.colorBorderSecondary}` }}>
          <Tag color="red">{t('lpDaysLate', { n: daysBetween(l.nextStepOn!, today) })}</Tag>
          <Link to={`/leads/${l.id}`}>{l.enterprise.name}</Link>
          <LeadStatusTag status={l.status} />
          <Typography.Text type="secondary">
            {l.nextStepOn} {l.nextStep}
          </Typography.Text>
        </div>
      ))}
    </Card>
  );
}
