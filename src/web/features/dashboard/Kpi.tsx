import { Card, Statistic } from 'antd';
import type { ReactNode } from 'react';

/** One headline figure; the element with the test id holds the figure alone. */
export function Kpi({ title, testId, value, danger, suffix }: { title: string; testId: string; value: ReactNode; danger?: boolean; suffix?: ReactNode }) {
  return (
    <Card size="small">
      <Statistic
        title={title}
        suffix={suffix}
        valueRender={() => (
          <span data-testid={testId} className={danger ? 'kpi-value-red' : undefined}>
            {value}
          </span>
        )}
      />
    </Card>
  );
}
