import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Card, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import { useRef, useState, type DragEvent } from 'react';
import { Link } from 'react-router-dom';
import { formatYuan } from '../../../shared/format.js';
import type { Lead } from '../../../shared/leads.js';
import { refuseLeadMove, refuseLeadSign, type LeadMoveRefusal, type LeadStatus } from '../../../shared/lead-status.js';
import { endpoints } from '../../api/endpoints.js';
import { useRegions } from '../../api/useRegions.js';
import { errorMessage } from '../../api/formErrors.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useAuth } from '../auth/AuthProvider.js';
import { STATUS_COLORS, useLeadLabels } from './labels.js';
import { LeadFilterBar } from './LeadFilterBar.js';
import { LeadMoveModal } from './LeadMoveModal.js';
import { LeadsHeader } from './LeadsHeader.js';
import { SignLeadModal } from './SignLeadModal.js';
import { useLeadParams } from './useLeadParams.js';
import { useLeadRefresh } from './useLeadMutations.js';

/** The same rule the API applies; dropping on 已签约 means signing, which has its own rule. */
function refusal(lead: Lead, to: LeadStatus): LeadMoveRefusal | null {
  if (lead.status === to) return null;
  if (to === 'signed') return refuseLeadSign(lead.status);
  // The reason is asked for after the drop, so the rule is checked here as if it were given.
  return refuseLeadMove({ from: lead.status, to, lostFrom: lead.lostFrom, reason: to === 'lost' ? '…' : undefined });
}

function LeadCard({ lead, draggable, onDragStart, onDragEnd }: { lead: Lead; draggable: boolean; onDragStart: (e: DragEvent) => void; onDragEnd: () => void }) {
  const { t, lang } = useI18n();
  const { nameOf } = useRegions();
  return (
    <Card
      size="small"
      className="lead-card"
      draggable={draggable}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      data-testid="lead-card"
      data-lead-id={lead.id}
      style={{ marginBottom: 8, cursor: draggable ? 'grab' : 'default' }}
    >
      <Space direction="vertical" size={2} style={{ width: '100%' }}>
        <Link to={`/leads/${lead.id}`} draggable={false} data-testid="lead-card-link">
          <Typography.Text strong>{lead.enterprise.name}</Typography.Text>
        </Link>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {[lead.chain?.name, lead.node?.name, lead.regionCode && nameOf(lead.regionCode, lead.regionName ?? undefined)].filter(Boolean).join(' · ') || t('lpNone')}
        </Typography.Text>
        {lead.referrer && (
          <Typography.Text style={{ fontSize: 12 }}>
            {t('lpReferredBy')}:{lead.referrer.name}
          </Typography.Text>
        )}
        <Space size={4} wrap>
          {lead.estimatedInvestmentYuan != null && <Tag>{formatYuan(lead.estimatedInvestmentYuan, lang)}</Tag>}
          {lead.overdue && <Tag color="red">{t('lpOverdueTag')}</Tag>}
          {lead.isSample && <Tag>{t('lpSample')}</Tag>}
        </Space>
        {lead.nextStep && (
          <Typography.Text style={{ fontSize: 12 }} type={lead.overdue ? 'danger' : undefined}>
            {lead.nextStepOn ?? ''} {lead.nextStep}
          </Typography.Text>
        )}
      </Space>
    </Card>
  );
}

export default function LeadBoardPage() {
  const { t, lang } = useI18n();
  const { status: statusLabel } = useLeadLabels();
  const { canWrite } = useAuth();
  const { message } = App.useApp();
  const { refresh, onConflict } = useLeadRefresh();
  const state = useLeadParams();
  // A ref as well as state: dragover can arrive before React re-renders with the dragged card.
  const draggedRef = useRef<Lead | null>(null);
  const [dragged, setDraggedState] = useState<Lead | null>(null);
  const setDragged = (lead: Lead | null) => {
    draggedRef.current = lead;
    setDraggedState(lead);
  };
  const [over, setOver] = useState<LeadStatus | null>(null);
  const [asking, setAsking] = useState<{ lead: Lead; to: 'lost' | 'signed' } | null>(null);

  const board = useQuery({ queryKey: ['lead-board', state.filters], queryFn: () => endpoints.leadBoard(state.filters) });
  const move = useMutation({
    mutationFn: ({ lead, to }: { lead: Lead; to: LeadStatus }) => endpoints.transitionLead(lead.id, { to, version: lead.version }),
    onSuccess: (lead) => {
      message.success(t('lpMoved', { status: statusLabel(lead.status) }));
      refresh(lead.id);
    },
    onError: (err, { lead }) => {
      if (!onConflict(err, lead.id)) message.error(errorMessage(err));
    },
  });

  const drop = (to: LeadStatus) => {
    const lead = draggedRef.current;
    setDragged(null);
    setOver(null);
    if (!lead || lead.status === to) return;
    const refused = refusal(lead, to);
    if (refused) return void message.error({ content: refused.message[lang], key: 'lead-drop' });
    if (to === 'lost' || to === 'signed') setAsking({ lead, to });
    else move.mutate({ lead, to });
  };

  return (
    <div>
      <LeadsHeader current="board" />
      <Card size="small">
        <LeadFilterBar state={state} board />
        {!canWrite && <Alert type="info" showIcon message={t('lpReadOnly')} style={{ marginBottom: 12 }} />}
        {canWrite && (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t('lpDropHint')}
          </Typography.Paragraph>
        )}
        {board.isError && <Alert type="error" showIcon message={board.error.message} />}
        {!board.data ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : (
          <div className="lead-board" data-testid="lead-board" style={{ display: 'flex', gap: 12, overflowX: 'auto', paddingBottom: 8 }}>
            {board.data.columns.map((col) => {
              const refused = dragged && over === col.status ? refusal(dragged, col.status) : null;
              const border = over === col.status ? (refused ? '#ff4d4f' : '#1677ff') : 'transparent';
              return (
                <div
                  key={col.status}
                  data-testid={`lead-column-${col.status}`}
                  onDragOver={(e) => {
                    const lead = draggedRef.current;
                    if (!lead) return;
                    // Always accept the drop, so a refused one can say why rather than snap back silently.
                    e.preventDefault();
                    if (over !== col.status) setOver(col.status);
                  }}
                  onDragLeave={() => setOver((o) => (o === col.status ? null : o))}
                  onDrop={(e) => {
                    e.preventDefault();
                    drop(col.status);
                  }}
                  style={{ flex: '1 0 170px', background: '#f5f5f5', borderRadius: 8, padding: 8, border: `2px dashed ${border}`, minHeight: 320 }}
                >
                  <Space style={{ marginBottom: 8, justifyContent: 'space-between', width: '100%' }}>
                    <Tag color={STATUS_COLORS[col.status]} style={{ fontSize: 14, padding: '2px 8px' }}>
                      {statusLabel(col.status)}
                    </Tag>
                    <Typography.Text type="secondary" data-testid="lead-column-total">
                      {col.total}
                    </Typography.Text>
                  </Space>
                  {refused && <Alert type="error" message={refused.message[lang]} style={{ marginBottom: 8, fontSize: 12 }} />}
                  {col.items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('lpColumnEmpty')} />}
                  {col.items.map((lead) => (
                    <LeadCard
                      key={lead.id}
                      lead={lead}
                      draggable={canWrite && lead.status !== 'signed'}
                      onDragEnd={() => setTimeout(() => setDragged(null), 0)}
                      onDragStart={(e) => {
                        e.dataTransfer.setData('text/plain', String(lead.id));
                        e.dataTransfer.effectAllowed = 'move';
                        setDragged(lead);
                      }}
                    />
                  ))}
                  {col.total > col.items.length && (
                    <Link to={`/leads?status=${col.status}`}>{t('lpColumnMore', { n: col.total - col.items.length })}</Link>
                  )}
                </div>
              );
            })}
          </div>
        )}
      </Card>
      {asking?.to === 'lost' && <LeadMoveModal lead={asking.lead} to="lost" onClose={() => setAsking(null)} />}
      {asking?.to === 'signed' && <SignLeadModal lead={asking.lead} onClose={() => setAsking(null)} />}
    </div>
  );
}
