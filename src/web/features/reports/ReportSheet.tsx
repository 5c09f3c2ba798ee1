import type { ReactNode } from 'react';
import { formatYuan } from '../../../shared/format.js';
import { INDICATOR_KEYS, INDICATORS, type IndicatorKey, type IndicatorStatus } from '../../../shared/indicators.js';
import type { MonthlyReport } from '../../../shared/reports.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { formatIndicator } from '../command/format.js';

// The per-region table keeps to what fits across an A4 page.
const REGION_KEYS: IndicatorKey[] = ['signed', 'investmentYuan', 'landedRate', 'startedRate', 'operatingRate', 'fundsRate', 'overdueMilestones'];

function Value({ k, value, status }: { k: IndicatorKey; value: number | null; status: IndicatorStatus | null }) {
  const { lang } = useI18n();
  return <span className={status ? `report-status-${status}` : undefined}>{formatIndicator(k, value, lang)}</span>;
}

function Listed({ total, shown, children }: { total: number; shown: number; children: ReactNode }) {
  const { t } = useI18n();
  if (total === 0) return <p>{t('rpNone')}</p>;
  return (
    <>
      {children}
      {total > shown && <p style={{ fontSize: 12, color: '#595959' }}>{t('rpMore', { total, shown })}</p>}
    </>
  );
}

/** The report as it prints: title, headline sentence, figures, per-region table, lists, requests. */
export function ReportSheet({ report }: { report: MonthlyReport }) {
  const { t, lang, stage } = useI18n();
  const [y, m] = report.month.split('-');
  const month = t('rpMonthLabel', { y, m: String(Number(m)) });
  const r = report.requests;
  return (
    <article className="report-sheet" data-testid="report-sheet">
      <h1>{t('rpDocTitle', { region: report.region.name, month })}</h1>
      <div className="report-meta">{t('rpGenerated', { day: report.generatedOn })}</div>
      <p className="report-headline" data-testid="report-headline">
        {report.headline[lang]}
      </p>

      <h2>{t('rpFigures')}</h2>
      <table data-testid="report-figures">
        <thead>
          <tr>
            <th>{t('rpColIndicator')}</th>
            <th>{t('rpColMonth')}</th>
            <th>{t('rpColYear')}</th>
          </tr>
        </thead>
        <tbody>
          {INDICATOR_KEYS.map((k) => (
            <tr key={k}>
              <td>{INDICATORS[k].label[lang]}</td>
              <td className="num"><Value k={k} value={report.monthFigures.values[k]} status={report.monthFigures.status[k]} /></td>
              <td className="num"><Value k={k} value={report.yearToDate.values[k]} status={report.yearToDate.status[k]} /></td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t('rpRegions')}</h2>
      <table data-testid="report-regions">
        <thead>
          <tr>
            <th>{t('rpColRegion')}</th>
            {REGION_KEYS.map((k) => <th key={k}>{INDICATORS[k].label[lang]}</th>)}
          </tr>
        </thead>
        <tbody>
          {report.regions.map((row) => (
            <tr key={row.key}>
              <td>{row.name}</td>
              {REGION_KEYS.map((k) => <td key={k} className="num"><Value k={k} value={row.values[k]} status={row.status[k]} /></td>)}
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t('rpSignings')}</h2>
      <Listed total={report.newSignings.total} shown={report.newSignings.items.length}>
        <table data-testid="report-signings">
          <thead>
            <tr><th>{t('rpColProject')}</th><th>{t('rpColInvestor')}</th><th>{t('rpColRegion')}</th><th>{t('rpColInvestment')}</th><th>{t('rpColSignedOn')}</th></tr>
          </thead>
          <tbody>
            {report.newSignings.items.map((p) => (
              <tr key={p.id}><td>{p.name}</td><td>{p.investorName}</td><td>{p.regionName}</td><td className="num">{formatYuan(p.investmentYuan, lang)}</td><td className="date">{p.signedOn}</td></tr>
            ))}
          </tbody>
        </table>
      </Listed>

      <h2>{t('rpMoves')}</h2>
      <Listed total={report.stageMoves.total} shown={report.stageMoves.items.length}>
        <table data-testid="report-moves">
          <thead>
            <tr><th>{t('rpColProject')}</th><th>{t('rpColRegion')}</th><th>{t('rpColFrom')}</th><th>{t('rpColTo')}</th><th>{t('rpColDate')}</th></tr>
          </thead>
          <tbody>
            {report.stageMoves.items.map((mv, i) => (
              <tr key={`${mv.projectId}-${i}`}><td>{mv.projectName}</td><td>{mv.regionName}</td><td>{mv.fromStage ? stage(mv.fromStage) : '—'}</td><td>{stage(mv.toStage)}</td><td className="date">{mv.date}</td></tr>
            ))}
          </tbody>
        </table>
      </Listed>

      <h2>{t('rpOverdue')}</h2>
      <Listed total={report.overdue.total} shown={report.overdue.items.length}>
        <table data-testid="report-overdue">
          <thead>
            <tr><th>{t('rpColProject')}</th><th>{t('rpColRegion')}</th><th>{t('rpColStage')}</th><th>{t('rpColPlanned')}</th><th>{t('rpColLate')}</th></tr>
          </thead>
          <tbody>
            {report.overdue.items.map((p) => (
              <tr key={p.id}><td>{p.name}</td><td>{p.regionName}</td><td>{stage(p.stage)}</td><td className="date">{p.nextPlannedOn}</td><td className="num">{p.daysOverdue}</td></tr>
            ))}
          </tbody>
        </table>
      </Listed>

      <h2>{t('rpRequests')}</h2>
      <table data-testid="report-requests">
        <tbody>
          <tr>
            <th>{t('rpRaised')}</th><td className="num">{r.raised}</td>
            <th>{t('rpClosed')}</th><td className="num">{r.closed}</td>
            <th>{t('rpOpen')}</th><td className="num">{r.open}</td>
          </tr>
          <tr>
            <th>{t('rpOverdueOpen')}</th><td className="num">{r.overdueOpen}</td>
            <th>{t('rpOnTime')}</th><td className="num">{formatIndicator('requestsOnTimeRate', r.onTimeRate, lang)}</td>
            <th>{t('rpRating')}</th><td className="num">{formatIndicator('avgRating', r.avgRating, lang)}</td>
          </tr>
        </tbody>
      </table>
    </article>
  );
}
