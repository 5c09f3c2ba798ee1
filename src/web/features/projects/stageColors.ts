import type { AnyStage } from '../../../shared/stages.js';

// Cold → warm as a project matures; terminated is grey so it never reads as progress.
export const STAGE_TAG_COLORS: Record<AnyStage, string> = {
  negotiating: 'default',
  signed: 'blue',
  landed: 'cyan',
  started: 'geekblue',
  operating: 'orange',
  full_capacity: 'green',
  terminated: 'volcano',
};

export const STAGE_COLORS_HEX: Record<AnyStage, string> = {
  negotiating: '#8c8c8c',
  signed: '#1677ff',
  landed: '#13c2c2',
  started: '#2f54eb',
  operating: '#fa8c16',
  full_capacity: '#52c41a',
  terminated: '#bfbfbf',
};
