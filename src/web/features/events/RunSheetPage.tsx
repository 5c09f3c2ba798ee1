import { LeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Skeleton, Space } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { formatYuan } from '../../../shared/format.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { eventApi } from './api.js';
import { CATEGORY_KEYS, dateRange } from './labels.js';

/** The printed run sheet: what the event is, what was signed, who comes, and which group goes where. */
export default function RunSheetPage() {
  const id = Number(useParams().id);
  const { t, lang } = useI18n();
  const sheet = useQuery({ queryKey: ['event', id, 'run-sheet'], queryFn: () => eventApi.runSheet(id) });
  if (sheet.isError) return <Alert type="error" showIcon message={sheet.error.message} />;
  const s = sheet.data;
  if (!s) return <Skeleton active style={{ padding: 24 }} />;
  const { event: e } = s;
  return (
    <div className="run-sheet">
      <Space className="no-print" style={{ marginBottom: 16 }}>
        <Link to={`/events/${id}`}>
          <Button icon={<LeftOutlined />}>{t('ciBack')}</Button>
        </Link>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="run-sheet-print">
          {t('rsPrint')}
        </Button>
      </Space>
      <h1 data-testid="run-sheet-title">{e.name}</h1>
      <p className="run-sheet-meta">
        {e.theme && <span>{t('evTheme')}:{e.theme}</span>}
        <span>{t('evDates')}:{dateRange(e.startsOn, e.endsOn)}</span>
        {e.venue && <span>{t('evVenue')}:{e.venue}</span>}
        {e.organiser && <span>{t('evOrganiser')}:{e.organiser}</span>}
      </p>
      <p className="run-sheet-summary" data-testid="run-sheet-summary">{lang === 'zh' ? s.summary.sentenceZh : s.summary.sentenceEn}</p>

      <h2>{t('rsGroups')}</h2>
      {s.groups.map((g) => (
        <section key={g.id} className="run-sheet-group" data-testid="run-sheet-group">
          <h3>
            {g.name}
            {g.leader && <small>({t('grLeader')}:{g.leader})</small>}
          </h3>
          <table>
            <thead>
              <tr>
                <th style={{ width: '4em' }}>{t('rsNo')}</th>
                <th style={{ width: '6em' }}>{t('spTime')}</th>
                <th style={{ width: '34%' }}>{t('spPlace')}</th>
                <th style={{ width: '22%' }}>{t('spRegion')}</th>
                <th style={{ width: '14%' }}>{t('spHost')}</th>
                <th>{t('spActivity')}</th>
              </tr>
            </thead>
            <tbody>
              {g.stops.map((st) => (
                <tr key={st.id}>
                  <td>{st.seq}</td>
                  <td>{st.scheduledAt?.slice(11) ?? ''}</td>
                  <td>{st.place}</td>
                  <td>{st.regionName ?? ''}</td>
                  <td>{st.host}</td>
                  <td>{st.activity}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            {t('grMembers')}({g.members.length}):{g.members.map((m) => m.personName + (m.organisation ? `(${m.organisation})` : '')).join('、') || '—'}
          </p>
        </section>
      ))}

      <h2>{t('rsGuestList')}</h2>
      <table data-testid="run-sheet-guests">
        <thead>
          <tr>
            <th style={{ width: '4em' }}>{t('rsNo')}</th>
            <th>{t('gPerson')}</th>
            <th>{t('gOrganisation')}</th>
            <th>{t('gTitle')}</th>
            <th>{t('gCategory')}</th>
            <th>{t('gGroup')}</th>
            <th style={{ width: '5em' }}>{t('gCheckIn')}</th>
          </tr>
        </thead>
        <tbody>
          {s.guests.map((g, i) => (
            <tr key={g.id}>
              <td>{i + 1}</td>
              <td>{g.personName}</td>
              <td>{g.organisation}</td>
              <td>{g.title}</td>
              <td>{t(CATEGORY_KEYS[g.category])}</td>
              <td>{g.group?.name ?? ''}</td>
              <td>{g.checkedInAt ? '✓' : '□'}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t('rsSignings')}</h2>
      <table>
        <thead>
          <tr>
            <th style={{ width: '4em' }}>{t('rsNo')}</th>
            <th>{t('sgProject')}</th>
            <th>{t('sgRegion')}</th>
            <th>{t('sgInvestor')}</th>
            <th>{t('sgPartner')}</th>
            <th style={{ width: '8em' }}>{t('sgAmount')}</th>
          </tr>
        </thead>
        <tbody>
          {s.signings.map((x) => (
            <tr key={x.id}>
              <td>{x.seq}</td>
              <td>{x.project.name}</td>
              <td>{x.regionName}</td>
              <td>{x.investorName}</td>
              <td>{x.partnerName}</td>
              <td className="num">{formatYuan(x.amountYuan, lang)}</td>
            </tr>
          ))}
          <tr className="total">
            <td colSpan={5}>{t('sgTotalRow', { n: s.signings.length })}</td>
            <td className="num">{formatYuan(s.summary.totalYuan, lang)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
