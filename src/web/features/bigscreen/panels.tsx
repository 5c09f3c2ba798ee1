import { INDICATORS, type IndicatorTable } from '../../../shared/indicators.js';
import type { ProjectPage } from '../../../shared/projects.js';
import type { ServiceDashboard } from '../../../shared/service-dashboard.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { HEADLINE_KEYS } from '../command/HeadlineFigures.js';
import { formatIndicator } from '../command/format.js';

/** The period's headline totals, coloured by their status against the targets. */
export function BigScreenFigures({ table }: { table: IndicatorTable | undefined }) {
  const { lang } = useI18n();
  return (
    <div className="bs-figures">
      {HEADLINE_KEYS.map((key) => (
        <div className="bs-figure" key={key}>
          <div className="bs-figure-label">{INDICATORS[key].label[lang]}</div>
          <div className="bs-figure-value" data-testid={`bigscreen-${key}`} data-status={table?.total.status[key] ?? undefined}>
            {table ? formatIndicator(key, table.total.values[key], lang) : '…'}
          </div>
        </div>
      ))}
    </div>
  );
}

/** The projects longest past their next planned date. */
export function OverdueList({ page }: { page: ProjectPage | undefined }) {
  const { t, stage } = useI18n();
  if (!page) return null;
  if (page.items.length === 0) return <div className="bs-muted">{t('bsNoOverdue')}</div>;
  return (
    <ul className="bs-list" data-testid="bigscreen-overdue">
      {page.items.map((p) => (
        <li key={p.id}>
          <span className="bs-name" title={p.name}>
            {p.name}
          </span>
          <span className="bs-muted">
            {p.regionName} · {stage(p.stage)}
          </span>
          <span className="bs-late">{t('bsDaysLate', { n: p.overdueDays })}</span>
        </li>
      ))}
    </ul>
  );
}

/** Requests handled on time in the period and what is open now. */
export function RequestsPanel({ table, services }: { table: IndicatorTable | undefined; services: ServiceDashboard | undefined }) {
  const { t, lang } = useI18n();
  const cells: { label: string; value: string; status?: string | null; testId: string }[] = [
    {
      label: INDICATORS.requestsOnTimeRate.label[lang],
      value: table ? formatIndicator('requestsOnTimeRate', table.total.values.requestsOnTimeRate, lang) : '…',
      status: table?.total.status.requestsOnTimeRate,
      testId: 'bigscreen-requests-ontime',
    },
    {
      label: INDICATORS.avgRating.label[lang],
      value: table ? formatIndicator('avgRating', table.total.values.avgRating, lang) : '…',
      status: table?.total.status.avgRating,
      testId: 'bigscreen-requests-rating',
    },
    { label: t('bsRequestsOpen'), value: services ? String(services.open) : '…', testId: 'bigscreen-requests-open' },
    { label: t('bsRequestsOverdue'), value: services ? String(services.overdue) : '…', status: services && services.overdue > 0 ? 'red' : null, testId: 'bigscreen-requests-overdue' },
  ];
  return (
    <div className="bs-figures">
      {cells.map((c) => (
        <div className="bs-figure" key={c.testId}>
          <div className="bs-figure-label">{c.label}</div>
          <div className="bs-figure-value" data-testid={c.testId} data-status={c.status ?? undefined}>
            {c.value}
          </div>
        </div>
      ))}
    </div>
  );
}
