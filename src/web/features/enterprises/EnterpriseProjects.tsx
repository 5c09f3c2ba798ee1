import { useQuery } from '@tanstack/react-query';
import { Card, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { formatYuan } from '../../../shared/format.js';
import type { Project } from '../../../shared/projects.js';
import { endpoints } from '../../api/endpoints.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { StageTag } from '../projects/StageTag.js';

/** The ledger's projects this enterprise invests in, as far as the caller's scope shows them. */
export function EnterpriseProjects({ enterpriseId }: { enterpriseId: number }) {
  const { t, lang } = useI18n();
  const projects = useQuery({
    queryKey: ['projects', { enterpriseId }],
    queryFn: () => endpoints.projects({ enterpriseId, page: 1, pageSize: 100, sort: 'investment', order: 'desc' }),
  });
  return (
    <Card size="small" title={t('investedProjects')} style={{ marginBottom: 12 }} data-testid="enterprise-projects">
      <Table<Project>
        rowKey="id"
        size="small"
        loading={projects.isLoading}
        dataSource={projects.data?.items ?? []}
        pagination={false}
        scroll={{ x: 640 }}
        locale={{ emptyText: t('noInvestedProjects') }}
        columns={[
          { title: t('colName'), dataIndex: 'name', render: (name: string, p) => <Link to={`/projects/${p.id}`}>{name}</Link> },
          { title: t('colRegion'), dataIndex: 'regionName', width: 180 },
          { title: t('colStage'), dataIndex: 'stage', width: 90, render: (s: Project['stage']) => <StageTag stage={s} /> },
          {
            title: t('colInvestment'),
            dataIndex: 'investmentYuan',
            width: 120,
            align: 'right',
            render: (y: number) => <Typography.Text>{formatYuan(y, lang)}</Typography.Text>,
          },
        ]}
      />
    </Card>
  );
}
