import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Popconfirm, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { SupplyLink } from '../../../shared/enterprises.js';
import { formatTimestamp } from '../../../shared/format.js';
import { ApiError } from '../../api/client.js';
import { endpoints } from '../../api/endpoints.js';
import { errorMessage } from '../../api/formErrors.js';
import { EnterpriseProjects } from './EnterpriseProjects.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { LeaderTag } from '../chains/StatusTag.js';
import { NotFound } from '../layout/NotFound.js';
import { SampleTag } from '../projects/StageTag.js';
import { SIZE_KEYS } from './constants.js';
import { LocalTag, placeOf } from './EnterpriseTags.js';
import { SupplyLinkModal } from './SupplyLinkModal.js';
import { MatchedPoliciesCard } from '../policies/MatchedPolicies.js';
import { useAuth } from '../auth/AuthProvider.js';

export default function EnterpriseDetailPage() {
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [adding, setAdding] = useState(false);
  const { user } = useAuth();
  // The visit kit is for the prefecture and the region officers of the enterprise's own region.
  const canVisit = (r: { regionCode: string | null }) => user?.role === 'admin' || user?.role === 'leader' || (user?.role === 'region' && r.regionCode !== null && user.regionCodes.includes(r.regionCode));
  const valid = Number.isInteger(id) && id > 0;

  const enterprise = useQuery({ queryKey: ['enterprise', id], queryFn: () => endpoints.enterprise(id), enabled: valid });
  const links = useQuery({
    queryKey: ['enterprise-links', id],
    queryFn: () => endpoints.enterpriseLinks(id),
    enabled: enterprise.isSuccess,
  });
  const remove = useMutation({
    mutationFn: (linkId: number) => endpoints.deleteSupplyLink(linkId),
    onSuccess: () => {
      message.success(t('deleted'));
      void qc.invalidateQueries({ queryKey: ['enterprise-links'] });
      void qc.invalidateQueries({ queryKey: ['targets'] });
    },
    onError: (err) => message.error(errorMessage(err)),
  });

  if (!valid) return <NotFound />;
  if (enterprise.isError) {
    if (enterprise.error instanceof ApiError && enterprise.error.status === 404) return <NotFound />;
    return <Alert type="error" showIcon message={enterprise.error.message} />;
  }
  const e = enterprise.data;
  if (!e) return <Skeleton active paragraph={{ rows: 10 }} />;
  const none = t('none');
  const text = (v: string | null | undefined) => (v && v.trim() ? v : none);

  const linkColumns = (side: 'customer' | 'supplier'): TableProps<SupplyLink>['columns'] => [
    {
      title: side === 'customer' ? t('customer') : t('supplier'),
      key: 'other',
      width: 220,
      render: (_, l) => {
        const other = l[side];
        return (
          <Space size={4} wrap>
            <Link to={`/enterprises/${other.id}`}>{other.name}</Link>
            <LocalTag isLocal={other.isLocal} />
          </Space>
        );
      },
    },
    { title: t('product'), dataIndex: 'product', width: 120 },
    {
      title: t('volume'),
      key: 'volume',
      align: 'right',
      width: 110,
      render: (_, l) => (l.volume == null ? none : `${l.volume.toLocaleString()}${l.unit}`),
    },
    { title: t('linkDate'), dataIndex: 'date', width: 110, render: (d: string | null) => d ?? none },
    { title: t('linkSource'), dataIndex: 'source', width: 160, ellipsis: true, render: (s: string) => text(s) },
    ...(e.editable
      ? [
          {
            title: t('actions'),
            key: 'actions',
            width: 70,
            render: (_: unknown, l: SupplyLink) => (
              <Popconfirm
                title={t('deleteSupplyLinkConfirm', { from: l.supplier.name, to: l.customer.name, product: l.product })}
                onConfirm={() => remove.mutate(l.id)}
                okText={t('confirm')}
                cancelText={t('cancel')}
              >
                <Button type="text" danger size="small" icon={<DeleteOutlined />} aria-label={t('delete')} data-testid="delete-supply-link" />
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  return (
    <div data-testid="enterprise-detail" data-enterprise-id={e.id}>
      <div className="page-head">
        <Space wrap size={8}>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label={t('back')} />
          <Typography.Title level={4} data-testid="enterprise-name">
            {e.name}
          </Typography.Title>
          <LocalTag isLocal={e.isLocal} />
          {e.leadChains.length > 0 && <LeaderTag />}
          {e.isSample && <SampleTag />}
        </Space>
        <Space wrap>
          {canVisit(e) && (
            <Button icon={<PrinterOutlined />} onClick={() => navigate(`/enterprises/${e.id}/visit-kit`)} data-testid="open-visit-kit">
              {t('vkOpen')}
            </Button>
          )}
          {e.editable && (
            <Button icon={<EditOutlined />} onClick={() => navigate(`/enterprises/${e.id}/edit`)} data-testid="edit-enterprise">
              {t('edit')}
            </Button>
          )}
        </Space>
      </div>

      <Card size="small" title={t('basicInfo')} style={{ marginBottom: 12 }}>
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }}
          data-testid="enterprise-fields"
          items={[
            { key: 'name', label: t('enterpriseName'), children: e.name },
            { key: 'uscc', label: t('uscc'), children: <span style={{ fontFamily: 'monospace' }}>{text(e.uscc)}</span> },
            { key: 'place', label: t('location'), children: text(placeOf(e)) },
            { key: 'size', label: t('size'), children: e.size ? t(SIZE_KEYS[e.size]) : none },
            { key: 'contactName', label: t('contactName'), children: text(e.contactName) },
            { key: 'contactPhone', label: t('contactPhone'), children: text(e.contactPhone) },
            {
              key: 'leads',
              label: t('leadsChains'),
              span: 'filled' as const,
              children: e.leadChains.length ? (
                <Space size={[4, 4]} wrap>
                  {e.leadChains.map((c) => (
                    <LeaderTag key={c.id}>
                      <Link to={`/chains/${c.id}`}>{c.name}</Link>
                    </LeaderTag>
                  ))}
                </Space>
              ) : (
                none
              ),
            },
            {
              key: 'nodes',
              label: t('enterpriseNodes'),
              span: 'filled' as const,
              children: e.nodes.length ? (
                <Space size={[4, 4]} wrap data-testid="enterprise-nodes">
                  {e.nodes.map((n) => (
                    <Tag key={n.id}>
                      <Link to={`/chains/${n.chainId}`}>{n.chainName}</Link> · {n.name}
                    </Tag>
                  ))}
                </Space>
              ) : (
                none
              ),
            },
            { key: 'description', label: t('enterpriseDescription'), span: 'filled' as const, children: <div style={{ whiteSpace: 'pre-wrap' }}>{text(e.description)}</div> },
            { key: 'createdAt', label: t('createdAt'), children: formatTimestamp(e.createdAt) },
            { key: 'updatedAt', label: t('updatedAt'), children: formatTimestamp(e.updatedAt) },
          ]}
        />
      </Card>

      <EnterpriseProjects enterpriseId={e.id} />
      {(user?.role !== 'region' || canVisit(e)) && <MatchedPoliciesCard subject={{ kind: 'enterprise', id: e.id }} />}

      <Card
        size="small"
        title={t('supplyRelations')}
        extra={
          e.editable && (
            <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-supply-link">
              {t('addSupplyLink')}
            </Button>
          )
        }
      >
        {links.isError && <Alert type="error" showIcon message={links.error.message} style={{ marginBottom: 12 }} />}
        <Typography.Title level={5}>{t('suppliesTo')}</Typography.Title>
        <Table<SupplyLink>
          rowKey="id"
          size="small"
          data-testid="supplies-table"
          loading={links.isLoading}
          dataSource={links.data?.supplies ?? []}
          columns={linkColumns('customer')}
          pagination={false}
          scroll={{ x: 720 }}
          locale={{ emptyText: t('noSupplies') }}
        />
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {t('buysFrom')}
        </Typography.Title>
        <Table<SupplyLink>
          rowKey="id"
          size="small"
          data-testid="buys-table"
          loading={links.isLoading}
          dataSource={links.data?.buys ?? []}
          columns={linkColumns('supplier')}
          pagination={false}
          scroll={{ x: 720 }}
          locale={{ emptyText: t('noBuys') }}
        />
      </Card>
      {adding && <SupplyLinkModal enterprise={e} onClose={() => setAdding(false)} />}
    </div>
  );
}
