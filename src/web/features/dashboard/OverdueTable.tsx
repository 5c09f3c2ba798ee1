import { theme, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { useNavigate } from 'react-router-dom';
import type { DashboardSummary } from '../../../shared/dashboard.js';
import { formatYuan } from '../../../shared/format.js';
import { useRegions } from '../../api/useRegions.js';
import { useI18n } from '../../i18n/I18nProvider.js';

type RegionRow = DashboardSummary['byRegion'][number];

/**
 * The dashboard's few overdue regions as a plain table drawn with antd's tokens. antd's Table
 * brings its sorter, filter tree, pagination and select with it: about 90 KB of compressed
 * JavaScript the dashboard would load for a dozen rows that need none of them.
 */
export function OverdueTable({ rows }: { rows: RegionRow[] }) {
  const { t, lang } = useI18n();
  const { nameOf } = useRegions();
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const cell: CSSProperties = { padding: '8px', borderBottom: `1px solid ${token.colorBorderSecondary}` };
  const head: CSSProperties = { ...cell, background: token.colorFillAlter, fontWeight: token.fontWeightStrong, textAlign: 'left' };
  const num: CSSProperties = { ...cell, textAlign: 'right' };
  const open = (r: RegionRow) => navigate(`/projects?region=${encodeURIComponent(r.code)}&overdue=true`);

  return (
    <div style={{ overflowX: 'auto' }} data-testid="overdue-regions">
      <table style={{ width: '100%', minWidth: 480, borderCollapse: 'collapse', fontSize: token.fontSize, color: token.colorText }}>
        <thead>
          <tr>
            <th style={head}>{t('colRegion')}</th>
            <th style={{ ...head, textAlign: 'right' }}>{t('colProjects')}</th>
            <th style={{ ...head, textAlign: 'right' }}>{t('colOverdue')}</th>
            <th style={{ ...head, textAlign: 'right' }}>{t('colInvestment')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={4} style={{ ...cell, textAlign: 'center', padding: 24, color: token.colorTextDescription }}>
                {t('noOverdue')}
              </td>
            </tr>
          ) : (
            rows.map((r) => (
              <tr
                key={r.code}
                className="clickable-row hover-row"
                tabIndex={0}
                onClick={() => open(r)}
                // Rows act as links, so the keyboard opens them too.
                onKeyDown={(e) => e.key === 'Enter' && open(r)}
              >
                <td style={cell}>{nameOf(r.code, r.name)}</td>
                <td style={num}>{r.projects}</td>
                <td style={num}>
                  <Typography.Text type="danger">{r.overdue}</Typography.Text>
                </td>
                <td style={num}>{formatYuan(r.investmentYuan, lang)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
