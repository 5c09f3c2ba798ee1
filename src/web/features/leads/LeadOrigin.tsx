import { Link } from 'react-router-dom';
import type { Project } from '../../../shared/projects.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useLeadLabels } from './labels.js';

/** On a project signed from a lead: where the lead came from and which chain leader referred it. */
export function LeadOrigin({ lead }: { lead: NonNullable<Project['lead']> }) {
  const { t } = useI18n();
  const { source } = useLeadLabels();
  return (
    <span data-testid="project-lead">
      <Link to={`/leads/${lead.id}`}>{source(lead.source)}</Link>
      {lead.referrer && (
        <>
          {' · '}
          {t('lpReferredBy')}:<Link to={`/enterprises/${lead.referrer.id}`}>{lead.referrer.name}</Link>
        </>
      )}
    </span>
  );
}
