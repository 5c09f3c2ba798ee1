import type { NodePosition, NodeStatus } from '../../../shared/chains.js';
import type { MessageKey } from '../../i18n/dict.js';

// Copies of the constants in shared/chains.ts, which imports zod; the type annotations keep them in step.
export const POSITIONS = ['upstream', 'midstream', 'downstream'] as const satisfies readonly NodePosition[];
export const STATUSES = ['missing', 'weak', 'covered'] as const satisfies readonly NodeStatus[];

export const POSITION_KEYS: Record<NodePosition, MessageKey> = {
  upstream: 'posUpstream',
  midstream: 'posMidstream',
  downstream: 'posDownstream',
};

export const STATUS_KEYS: Record<NodeStatus, MessageKey> = {
  missing: 'statusMissing',
  weak: 'statusWeak',
  covered: 'statusCovered',
};

/** 缺链 red, 弱链 orange, 已覆盖 green: the chart, the tags and the legend use the same colours. */
export const STATUS_COLORS: Record<NodeStatus, string> = {
  missing: '#cf1322',
  weak: '#fa8c16',
  covered: '#389e0d',
};

export const STATUS_TAG_COLORS: Record<NodeStatus, string> = {
  missing: 'red',
  weak: 'orange',
  covered: 'green',
};

export const percent = (completeness: number) => Math.round(completeness * 1000) / 10;
