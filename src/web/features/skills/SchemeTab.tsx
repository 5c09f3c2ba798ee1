import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Space, Table, Tag, Upload } from 'antd';
import { useState } from 'react';
import type { SkillsEvent } from '../../../shared/skills.js';
import { formatCenti } from '../../../shared/skills-format.js';
import { ApiError } from '../../api/client.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { skillsApi } from './api.js';

// The marking scheme: download the template, import the filled workbook (checked whole; problems
// listed by row and column), and read modules and aspects back.

export function SchemeTab({ event }: { event: SkillsEvent }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const scheme = useQuery({ queryKey: ['skills-scheme', event.id], queryFn: () => skillsApi.scheme(event.id) });
  const [problems, setProblems] = useState<string[]>([]);
  const upload = async (file: File) => {
    setProblems([]);
    try {
      await skillsApi.importScheme(event.id, file);
      message.success(t('skImported'));
      void client.invalidateQueries({ queryKey: ['skills-scheme', event.id] });
    } catch (e) {
      // The server lists the problems one a line after its summary.
      setProblems((e instanceof ApiError ? e.message : String(e)).split('\n'));
    }
    return false;
  };
  const rows = (scheme.data?.modules ?? []).flatMap((m) => m.aspects.map((a, i) => ({ ...a, module: m, first: i === 0, span: m.aspects.length })));
  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button icon={<DownloadOutlined />} href={skillsApi.schemeTemplateUrl}>
          {t('skTemplate')}
        </Button>
        <Upload accept=".xlsx" showUploadList={false} beforeUpload={(file) => upload(file)}>
          <Button type="primary" icon={<UploadOutlined />}>
            {t('skImport')}
          </Button>
        </Upload>
        {scheme.data && scheme.data.totalCenti > 0 && <Tag color={scheme.data.totalCenti === 10_000 ? 'green' : 'red'}>{`${t('skTotal')} ${formatCenti(scheme.data.totalCenti)}`}</Tag>}
      </Space>
      {problems.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={t('skImportFailed')} description={problems.map((p) => <div key={p}>{p}</div>)} />}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: <Empty description={t('skEmptyScheme')} /> }}
        columns={[
          { title: t('skModule'), render: (_, r) => `${r.module.code} ${r.module.name}`, onCell: (r) => ({ rowSpan: r.first ? r.span : 0 }) },
          { title: t('skAspect'), render: (_, r) => `${r.code} ${r.description}` },
          { title: t('skKind'), width: 100, render: (_, r) => <Tag color={r.kind === 'J' ? 'purple' : 'blue'}>{r.kind === 'J' ? t('skKindJ') : t('skKindM')}</Tag> },
          { title: t('skMax'), width: 80, render: (_, r) => formatCenti(r.maxCenti) },
        ]}
      />
    </div>
  );
}
