import { Timeline, Typography } from 'antd';
import { formatTimestamp } from '../../../shared/format.js';
import type { RequestEvent } from '../../../shared/service-requests.js';
import { useI18n } from '../../i18n/I18nProvider.js';

const COLORS: Partial<Record<RequestEvent['kind'], string>> = { resolved: 'green', confirmed: 'green', reopened: 'red', escalated: 'red' };

/** Every step of the request, oldest first, with who took it and what they said. */
export function RequestTimeline({ events }: { events: RequestEvent[] }) {
  const { t } = useI18n();
  return (
    <Timeline
      data-testid="service-timeline"
      items={events.map((e) => ({
        color: COLORS[e.kind] ?? 'blue',
        children: (
          <div data-testid={`service-event-${e.kind}`}>
            <Typography.Text strong>{t(`svcEvent_${e.kind}`, { dept: e.departmentName ?? '' })}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
              {formatTimestamp(e.at)}
              {e.actor ? ` · ${e.actor}` : ''}
            </Typography.Text>
            {e.note && <div>{e.note}</div>}
          </div>
        ),
      }))}
    />
  );
}
