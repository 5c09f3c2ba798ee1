import { useQueries, useQuery } from '@tanstack/react-query';
import { TreeSelect } from 'antd';
import { endpoints } from '../../api/endpoints.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { POSITION_KEYS } from '../chains/constants.js';

interface CommonProps {
  testId?: string;
  placeholder?: string;
}
/** Several nodes (an enterprise's nodes): the default. */
interface MultipleProps extends CommonProps {
  multiple?: true;
  value?: number[];
  onChange?: (ids: number[]) => void;
}
/** One node or none (a project's node); clearing gives null. */
interface SingleProps extends CommonProps {
  multiple: false;
  value?: number | null;
  onChange?: (id: number | null) => void;
}
type Props = MultipleProps | SingleProps;

/**
 * Chooses the nodes an enterprise works on: cluster → chain → node, only nodes selectable.
 * There is no "all nodes" endpoint, so each chain's detail is fetched (the demo has a few dozen chains).
 */
export function NodeTreeSelect(props: Props) {
  const { testId, placeholder } = props;
  const { t } = useI18n();
  const clusters = useQuery({ queryKey: ['clusters'], queryFn: endpoints.clusters, staleTime: 60_000 });
  const chainIds = (clusters.data?.items ?? []).flatMap((c) => c.chains.map((ch) => ch.id));
  const chains = useQueries({
    queries: chainIds.map((id) => ({ queryKey: ['chain', id], queryFn: () => endpoints.chain(id), staleTime: 60_000 })),
  });
  const byId = new Map(chains.flatMap((q) => (q.data ? [[q.data.id, q.data] as const] : [])));

  const treeData = (clusters.data?.items ?? []).map((c) => ({
    value: `cluster-${c.id}`,
    title: c.name,
    selectable: false,
    checkable: false,
    children: c.chains.map((ch) => ({
      value: `chain-${ch.id}`,
      title: ch.name,
      selectable: false,
      checkable: false,
      children: (byId.get(ch.id)?.nodes ?? []).map((n) => ({
        value: n.id,
        title: `${n.name}(${t(POSITION_KEYS[n.position])})`,
        label: `${ch.name} · ${n.name}`,
      })),
    })),
  }));

  const loading = clusters.isLoading || chains.some((q) => q.isLoading);

  if (props.multiple === false) {
    const { value, onChange } = props;
    return (
      <TreeSelect<number | string>
        allowClear
        showSearch
        treeNodeFilterProp="title"
        treeNodeLabelProp="label"
        placeholder={placeholder ?? t('pickNode')}
        loading={loading}
        value={value ?? undefined}
        onChange={(v: number | string | undefined) => onChange?.(typeof v === 'number' ? v : null)}
        treeData={treeData}
        style={{ width: '100%' }}
        data-testid={testId}
      />
    );
  }

  const { value, onChange } = props;
  return (
    <TreeSelect
      multiple
      allowClear
      showSearch
      treeNodeFilterProp="title"
      treeNodeLabelProp="label"
      placeholder={placeholder ?? t('pickNodes')}
      loading={loading}
      value={value}
      onChange={(v: number[]) => onChange?.(v.filter((x) => typeof x === 'number'))}
      treeData={treeData}
      style={{ width: '100%' }}
      data-testid={testId}
      maxTagCount="responsive"
    />
  );
}
