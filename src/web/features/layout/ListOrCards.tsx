import { List, Pagination, Table, type TableProps } from 'antd';
import type { ReactNode } from 'react';

export interface ListPager {
  current: number;
  pageSize: number;
  total: number;
  showSizeChanger: boolean;
  showTotal: (n: number) => string;
  onChange: (page: number, pageSize: number) => void;
}

/** The pager of a list whose page lives in the URL; a phone gets no page-size switch. */
export function listPager(options: {
  params: { page: number; pageSize: number };
  total: number;
  mobile: boolean;
  showTotal: (n: number) => string;
  update: (patch: { page: number; pageSize: number }) => void;
}): ListPager {
  return {
    current: options.params.page,
    pageSize: options.params.pageSize,
    total: options.total,
    showSizeChanger: !options.mobile,
    showTotal: options.showTotal,
    onChange: (page, pageSize) => options.update({ page, pageSize }),
  };
}

/**
 * A list page's body: one card per row on a phone (a wide table is unreadable there), the table
 * elsewhere; both share the pager and the empty state.
 */
export function ListOrCards<T extends { id: number }>(props: {
  mobile: boolean;
  items: T[];
  /** The first load (cards show a skeleton) and any refetch (the table dims). */
  loading: boolean;
  fetching: boolean;
  empty: ReactNode;
  pager: ListPager;
  card: (item: T) => ReactNode;
  table: Omit<TableProps<T>, 'dataSource' | 'loading' | 'pagination' | 'locale' | 'rowKey'>;
}) {
  const { mobile, items, pager, empty } = props;
  if (mobile) {
    return (
      <>
        <List loading={props.loading} dataSource={items} locale={{ emptyText: empty }} renderItem={props.card} />
        {pager.total > 0 && <Pagination {...pager} size="small" style={{ marginTop: 8, textAlign: 'center' }} />}
      </>
    );
  }
  return <Table<T> rowKey="id" size="middle" {...props.table} loading={props.fetching} dataSource={items} locale={{ emptyText: empty }} pagination={pager} />;
}
