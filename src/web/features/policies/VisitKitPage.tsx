import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Skeleton, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { APPROVAL_STATUS_LABELS, FACTOR_LABELS, REQUEST_CATEGORY_LABELS, REQUEST_STATUS_LABELS } from '../../../shared/service-catalog.js';
import { formatYuan } from '../../../shared/format.js';
import { POLICY_SIZE_LABELS } from '../../../shared/policies.js';
import { STAGE_LABELS, type AnyStage } from '../../../shared/stages.js';
import { ApiError } from '../../api/client.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { NotFound } from '../layout/NotFound.js';
import { policyApi } from './api.js';
import { VisitProblemForm } from './VisitProblemForm.js';

/** One section of the printed page: a heading and a table, or 无 when there is nothing to list. */
function Section({ title, testId, head, rows }: { title: string; testId: string; head: string[]; rows: ReactNode[][] }) {
  const { t } = useI18n();
  return (
    <section className="kit-section" data-testid={testId}>
      <h3>{title}</h3>
      {rows.length === 0 ? (
        <p className="kit-none">{t('vkNone')}</p>
      ) : (
        <table className="kit-table">
          <thead>
            <tr>{head.map((h) => <th key={h}>{h}</th>)}</tr>
          </thead>
          <tbody>
            {rows.map((cells, i) => (
              <tr key={i}>{cells.map((c, j) => <td key={j}>{c}</td>)}</tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** 走访工具包: everything to take on a visit, on one printable A4 page, and the problems logged afterwards. */
export default function VisitKitPage() {
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const kit = useQuery({ queryKey: ['visit-kit', id], queryFn: () => policyApi.visitKit(id), enabled: valid });

  if (!valid) return <NotFound />;
  if (kit.isError) return kit.error instanceof ApiError && kit.error.status === 404 ? <NotFound /> : <Alert type="error" showIcon message={kit.error.message} />;
  const k = kit.data;
  if (!k) return <Skeleton active paragraph={{ rows: 12 }} />;
  const e = k.enterprise;
  const none = '—';
  const stage = (s: AnyStage | null) => (s ? STAGE_LABELS[s][lang] : none);
  const amount = (kind: keyof typeof FACTOR_LABELS, n: number) => (kind === 'finance' ? formatYuan(n, lang) : `${n.toLocaleString()} ${lang === 'zh' ? FACTOR_LABELS[kind].unit : FACTOR_LABELS[kind].unitEn}`);

  return (
    <div data-testid="visit-kit">
      <Space className="no-print" style={{ marginBottom: 12 }} wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label={t('back')} />
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="visit-kit-print">
          {t('vkPrint')}
        </Button>
      </Space>
      <article className="kit-page">
        <header className="kit-head">
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('vkTitle')} · {e.name}
          </Typography.Title>
          <span>{t('vkGenerated', { date: k.generatedOn })}</span>
        </header>
        <section className="kit-section" data-testid="kit-profile">
          <h3>{t('vkProfile')}</h3>
          <table className="kit-table kit-profile">
            <tbody>
              <tr><th>{t('vkName')}</th><td>{e.name}</td><th>{t('vkUscc')}</th><td>{e.uscc}</td></tr>
              <tr><th>{t('vkRegion')}</th><td>{e.regionName ?? none}</td><th>{t('vkSize')}</th><td>{e.size ? POLICY_SIZE_LABELS[e.size][lang] : none}</td></tr>
              <tr><th>{t('vkContact')}</th><td>{e.contactName || none}</td><th>{t('vkPhone')}</th><td>{e.contactPhone || none}</td></tr>
            </tbody>
          </table>
        </section>
        <Section
          title={t('vkProjects')}
          testId="kit-projects"
          head={[t('vkProject'), t('vkStage'), t('vkNext'), t('vkPlanned'), t('vkInvestment'), t('vkFunds')]}
          rows={k.projects.map((p) => [p.name, stage(p.stage), stage(p.nextStage), p.nextPlannedOn ?? none, formatYuan(p.investmentYuan, lang), formatYuan(p.fundsInPlaceYuan, lang)])}
        />
        <Section
          title={t('vkRequests')}
          testId="kit-requests"
          head={[t('vkReqTitle'), t('vkCategory'), t('vkStatus'), t('vkDue'), t('vkProject')]}
          rows={k.openRequests.map((r) => [r.title, REQUEST_CATEGORY_LABELS[r.category][lang], REQUEST_STATUS_LABELS[r.status][lang], r.dueOn ?? none, r.projectName ?? none])}
        />
        <Section
          title={t('vkApprovals')}
          testId="kit-approvals"
          head={[t('vkProject'), t('vkApproval'), t('vkDepartment'), t('vkStatus'), t('vkBlocks')]}
          rows={k.pendingApprovals.map((a) => [a.projectName, a.name, a.departmentName, APPROVAL_STATUS_LABELS[a.status][lang], stage(a.blocksStage as AnyStage)])}
        />
        <Section
          title={t('vkFactors')}
          testId="kit-factors"
          head={[t('vkProject'), t('vkFactor'), t('vkRequired'), t('vkSecured'), t('vkGap'), t('vkNeededBy')]}
          rows={k.missingFactors.map((f) => [
            f.projectName,
            FACTOR_LABELS[f.kind][lang],
            amount(f.kind, f.requiredAmount),
            amount(f.kind, f.securedAmount),
            amount(f.kind, f.requiredAmount - f.securedAmount),
            f.neededBy ?? none,
          ])}
        />
        <Section
          title={t('vkPolicies')}
          testId="kit-policies"
          head={[t('plColTitle'), t('plColDoc'), t('vkBenefits'), t('plMetRules')]}
          rows={k.policies.map((p) => [p.title, p.docNumber || none, p.benefits || none, p.met.map((m) => m[lang]).join(lang === 'zh' ? ';' : '; ') || t('plNoRules')])}
        />
      </article>
      <VisitProblemForm enterpriseId={e.id} projects={k.projects.map((p) => ({ id: p.id, name: p.name }))} />
    </div>
  );
}
