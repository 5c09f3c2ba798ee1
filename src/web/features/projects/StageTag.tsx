import { Tag, Tooltip } from 'antd';
import type { AnyStage } from '../../../shared/stages.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { STAGE_TAG_COLORS } from './stageColors.js';

export function StageTag({ stage, testId }: { stage: AnyStage; testId?: string }) {
  const i18n = useI18n();
  return (
    <Tag color={STAGE_TAG_COLORS[stage]} data-testid={testId} data-stage={stage}>
      {i18n.stage(stage)}
    </Tag>
  );
}

export function OverdueTag({ days }: { days: number }) {
  const { t } = useI18n();
  return (
    <Tag color="red" data-testid="overdue-tag">
      {t('overdueDays', { n: days })}
    </Tag>
  );
}

export function SampleTag() {
  const { t } = useI18n();
  return (
    <Tooltip title={t('sampleHint')}>
      <Tag color="default" style={{ color: '#8c8c8c' }} data-testid="sample-tag">
        {t('sample')}
      </Tag>
    </Tooltip>
  );
}
