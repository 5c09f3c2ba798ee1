import { Empty, Timeline, Typography } from 'antd';
import { formatTimestamp } from '../../../shared/format.js';
import type { TransitionRecord } from '../../../shared/projects.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/dict.js';
import { StageTag } from './StageTag.js';

const KIND_KEYS: Record<TransitionRecord['kind'], MessageKey> = {
  create: 'kindCreate',
  advance: 'kindAdvance',
  terminate: 'kindTerminate',
  rollback: 'kindRollback',
};
const KIND_COLORS: Record<TransitionRecord['kind'], string> = {
  create: 'blue',
  advance: 'green',
  terminate: 'red',
  rollback: 'orange',
};

/** Oldest first, so the timeline reads as the project's story from top to bottom. */
export function HistoryTimeline({ items }: { items: TransitionRecord[] }) {
  const { t, field } = useI18n();
  if (items.length === 0) return <Empty description={t('noHistory')} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Timeline
      data-testid="project-history"
      items={items.map((r) => ({
        key: r.id,
        color: KIND_COLORS[r.kind],
        children: (
          <div data-testid="history-item" data-kind={r.kind}>
            <div>
              <Typography.Text strong>{t(KIND_KEYS[r.kind])}</Typography.Text>{' '}
              {r.fromStage && r.kind !== 'create' && (
                <>
                  <StageTag stage={r.fromStage} /> →{' '}
                </>
              )}
              <StageTag stage={r.toStage} /> <span>{r.date}</span>
            </div>
            {r.note && <div>{r.note}</div>}
            {r.reason && (
              <div>
                <Typography.Text type="secondary">{field('reason')}: </Typography.Text>
                {r.reason}
              </div>
            )}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.actor ? t('byActor', { name: r.actor.displayName }) : t('systemActor')} ·{' '}
              {t('recordedAt', { time: formatTimestamp(r.at) })}
            </Typography.Text>
          </div>
        ),
      }))}
    />
  );
}
