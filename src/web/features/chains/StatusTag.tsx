import { CrownFilled } from '@ant-design/icons';
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import type { NodeStatus } from '../../../shared/chains.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { STATUS_KEYS, STATUS_TAG_COLORS } from './constants.js';

export function StatusTag({ status }: { status: NodeStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_TAG_COLORS[status]} data-status={status}>
      {t(STATUS_KEYS[status])}
    </Tag>
  );
}

/** A chain leader (链主): gold, with a crown, wherever it is named. */
export function LeaderTag({ children, testId }: { children?: ReactNode; testId?: string }) {
  const { t } = useI18n();
  return (
    <Tag color="gold" icon={<CrownFilled />} data-testid={testId}>
      {children ?? t('chainLeader')}
    </Tag>
  );
}
