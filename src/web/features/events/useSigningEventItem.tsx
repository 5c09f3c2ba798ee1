import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/I18nProvider.js';
import { eventApi } from './api.js';

/** The project page's “签约活动” line: the event the project was signed at, when it was. */
export function useSigningEventItem(projectId: number, enabled: boolean) {
  const { t } = useI18n();
  const signed = useQuery({ queryKey: ['project', projectId, 'signing-event'], queryFn: () => eventApi.projectEvent(projectId), enabled });
  const event = signed.data?.event;
  if (!event) return [];
  return [
    {
      key: 'signingEvent',
      label: t('evSignedAt'),
      children: (
        <Link to={`/events/${event.id}`} data-testid="project-signing-event">
          {event.name}({event.startsOn})
        </Link>
      ),
    },
  ];
}
