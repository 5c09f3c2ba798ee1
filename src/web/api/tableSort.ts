import type { TableProps } from 'antd';

/**
 * A list table whose sort lives in the URL: the column keys map to the API's sort names, a column's
 * arrow shows the sort in force, and a click writes the new sort (or clears it) through `update`.
 */
export function urlTableSort<T>(
  sortKeys: Record<string, string>,
  current: { sort?: string; order?: 'asc' | 'desc' },
  defaults: { sort: string; order: 'asc' | 'desc' },
  update: (patch: { sort: string | undefined; order: 'asc' | 'desc' | undefined }) => void,
) {
  const sortOrderOf = (key: string) =>
    (current.sort ?? defaults.sort) === sortKeys[key] ? ((current.order ?? defaults.order) === 'asc' ? ('ascend' as const) : ('descend' as const)) : null;
  const onChange: NonNullable<TableProps<T>['onChange']> = (_p, _f, sorter, extra) => {
    if (extra.action !== 'sort' || Array.isArray(sorter)) return;
    const key = sorter.order ? sortKeys[String(sorter.columnKey)] : undefined;
    update({ sort: key, order: key ? (sorter.order === 'ascend' ? 'asc' : 'desc') : undefined });
  };
  return { sortOrderOf, onChange };
}
