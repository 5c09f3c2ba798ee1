import { Steps, Typography } from 'antd';
import type { Project } from '../../../shared/projects.js';
import { STAGES, stageIndex, type Stage } from '../../../shared/stages.js';
import { useI18n } from '../../i18n/I18nProvider.js';

/** The six stages with the actual date where reached and the planned date where not yet. */
export function StageSteps({ project, stageBeforeTermination }: { project: Project; stageBeforeTermination: Stage | null }) {
  const { t, stage } = useI18n();
  const terminated = project.stage === 'terminated';
  const reached: Stage | null = terminated ? stageBeforeTermination : (project.stage as Stage);
  const current = reached ? stageIndex(reached) : 0;

  const status = terminated ? 'error' : project.stage === 'full_capacity' ? 'finish' : 'process';

  return (
    <Steps
      size="small"
      current={current}
      status={status}
      responsive
      data-testid="stage-steps"
      items={STAGES.map((s, i) => {
        const actual = project.stageDates[s];
        const planned = s === 'negotiating' ? null : project.plannedDates[s];
        const showActual = actual && i <= current;
        return {
          title: stage(s),
          description: (
            <div style={{ fontSize: 12 }}>
              {showActual ? (
                <div>
                  {t('actual')} {actual}
                </div>
              ) : null}
              {planned ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('planned')} {planned}
                </Typography.Text>
              ) : null}
            </div>
          ),
        };
      })}
    />
  );
}
