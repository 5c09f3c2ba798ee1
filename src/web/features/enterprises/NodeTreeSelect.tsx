import { useQueries, useQuery } from '@tanstack/react-query';
import { TreeSelect } from 'antd';
import { endpoints } from '../../api/endpoints.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { POSITION_KEYS } from '../chains/constants.js';

interface Props {
  value?: number[];
  onChange?: (ids: number[]) => void;
  testId?: string;
}

/**
 * Chooses the nodes an enterprise works on: cluster → chain → node, only nodes selectable.
 * There is no "all nodes" endpoint, so each chain's detail is fetched (the demo has a few dozen chains).
 */
export function NodeTreeSelect({ value, onChange, testId }: Props) {
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

  return (
    <TreeSelect
      multiple
      allowClear
      showSearch
      treeNodeFilterProp="title"
      treeNodeLabelProp="label"
      placeholder={t('pickNodes')}
      loading={clusters.isLoading || chains.some((q) => q.isLoading)}
      value={value}
      onChange={(v: number[]) => onChange?.(v.filter((x) => typeof x === 'number'))}
      treeData={treeData}
      style={{ width: '100%' }}
      data-testid={testId}
      maxTagCount="responsive"
    />
  );
}
