import { ArrowLeftOutlined, ArrowRightOutlined } from '@ant-design/icons';
import { Tag, Tooltip, Typography } from 'antd';
import { Fragment } from 'react';
import { Link } from 'react-router-dom';
import type { Target } from '../../../shared/chains.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { LeaderTag } from './StatusTag.js';

type Path = Target['paths'][number];
type Step = Path['steps'][number];

function stepLabel(s: Step, lang: 'zh' | 'en'): string {
  const volume = s.volume == null ? '' : ` ${s.volume.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en')}${s.unit}`;
  return `${s.product}${volume}`;
}

function Party({ id, name, kind }: { id: number; name: string; kind: 'target' | 'leader' | 'middle' }) {
  const link = <Link to={`/enterprises/${id}`}>{name}</Link>;
  if (kind === 'leader') return <LeaderTag>{link}</LeaderTag>;
  return <Tag color={kind === 'target' ? 'blue' : 'default'}>{link}</Tag>;
}

/**
 * One path from the target to a local chain leader, read left to right starting at the target:
 * `A —铝水 20万吨→ B` when A supplies B, `A ←电缆— B` when A buys from B.
 */
export function TargetPath({ targetId, path }: { targetId: number; path: Path }) {
  const { lang } = useI18n();
  let current = targetId;
  const parts: React.ReactNode[] = [];
  path.steps.forEach((s, i) => {
    const forward = s.supplier.id === current;
    const first = i === 0;
    const from = forward ? s.supplier : s.customer;
    const to = forward ? s.customer : s.supplier;
    if (first || from.id !== current) {
      parts.push(<Party key={`p${i}a`} id={from.id} name={from.name} kind={from.id === targetId ? 'target' : from.id === path.leader.id ? 'leader' : 'middle'} />);
    }
    const label = stepLabel(s, lang);
    parts.push(
      <Tooltip key={`s${i}`} title={s.date ? `${label} · ${s.date}` : label}>
        <Typography.Text type="secondary" className="path-step" style={{ whiteSpace: 'nowrap', margin: '0 4px' }}>
          {forward ? (
            <>
              —{label}
              <ArrowRightOutlined />
            </>
          ) : (
            <>
              <ArrowLeftOutlined />
              {label}—
            </>
          )}
        </Typography.Text>
      </Tooltip>,
    );
    parts.push(<Party key={`p${i}b`} id={to.id} name={to.name} kind={to.id === targetId ? 'target' : to.id === path.leader.id ? 'leader' : 'middle'} />);
    current = to.id;
  });
  return (
    <div data-testid="target-path" style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', rowGap: 4 }}>
      {parts.map((p, i) => (
        <Fragment key={i}>{p}</Fragment>
      ))}
    </div>
  );
}
