import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Progress, Row, Space, Table, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import type { ImportJob, ImportRowError } from '../../../shared/imports.js';
import { endpoints, type ImportPath } from '../../api/endpoints.js';
import { errorMessage } from '../../api/formErrors.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/dict.js';
import { uploadImport } from './upload.js';

const RUNNING: ImportJob['status'][] = ['validating', 'writing'];
const MAX_BYTES = 200 * 1024 * 1024;

function JobProgress({ job }: { job: ImportJob }) {
  const { t } = useI18n();
  const pct = job.totalRows > 0 ? Math.min(100, Math.floor((job.processedRows / job.totalRows) * 100)) : 0;
  return (
    <div data-testid="import-progress" data-status={job.status}>
      <Typography.Text>
        {job.status === 'validating' ? t('importValidating') : t('importWriting')}
        {job.totalRows > 0 && ` · ${t('importRows', { done: job.processedRows.toLocaleString(), total: job.totalRows.toLocaleString() })}`}
      </Typography.Text>
      <Progress percent={pct} status="active" />
    </div>
  );
}

function JobOutcome({ job }: { job: ImportJob }) {
  const { t } = useI18n();
  if (job.status === 'succeeded') {
    return (
      <div data-testid="import-result" data-status="succeeded">
        <Alert type="success" showIcon message={job.message || t('importSucceeded')} style={{ marginBottom: 8 }} />
        <Descriptions
          size="small"
          bordered
          column={{ xs: 2, sm: 4 }}
          items={[
            { key: 'total', label: t('importTotal'), children: job.totalRows.toLocaleString() },
            { key: 'created', label: t('importCreated'), children: <span data-testid="import-created">{job.created.toLocaleString()}</span> },
            { key: 'updated', label: t('importUpdated'), children: <span data-testid="import-updated">{job.updated.toLocaleString()}</span> },
            { key: 'unchanged', label: t('importUnchanged'), children: <span data-testid="import-unchanged">{job.unchanged.toLocaleString()}</span> },
          ]}
        />
      </div>
    );
  }
  // failed: either row errors (nothing written) or a file that could not be read at all
  return (
    <div data-testid="import-result" data-status="failed">
      <Alert
        type="error"
        showIcon
        message={job.errorCount > 0 ? t('importHasErrors', { n: job.errorCount.toLocaleString() }) : t('importFailed')}
        description={job.message ?? undefined}
        style={{ marginBottom: 8 }}
        action={
          job.errorCount > 0 && (
            <Button size="small" icon={<DownloadOutlined />} href={endpoints.importErrorsUrl(job.id)} download data-testid="import-errors-download">
              {t('importErrorReport')}
            </Button>
          )
        }
      />
      {job.errors.length > 0 && (
        <>
          <Table<ImportRowError>
            size="small"
            data-testid="import-errors"
            rowKey={(r) => `${r.row}:${r.column}:${r.message}`}
            dataSource={job.errors}
            pagination={job.errors.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
            scroll={{ x: 560 }}
            columns={[
              { title: t('errRow'), dataIndex: 'row', width: 64, align: 'right' },
              { title: t('errColumn'), dataIndex: 'column', width: 140 },
              { title: t('errValue'), dataIndex: 'value', width: 140, ellipsis: true },
              { title: t('errMessage'), dataIndex: 'message' },
            ]}
          />
          {job.errorCount > job.errors.length && (
            <Typography.Text type="secondary">{t('importErrorsTruncated', { shown: job.errors.length, n: job.errorCount })}</Typography.Text>
          )}
        </>
      )}
    </div>
  );
}

function ImportCard({ kind, title, hint }: { kind: ImportPath; title: MessageKey; hint: MessageKey }) {
  const { t, lang } = useI18n();
  const qc = useQueryClient();
  const [jobId, setJobId] = useState<number | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);

  const upload = useMutation({
    mutationFn: (file: File) => uploadImport(kind, file),
    onSuccess: (job) => {
      qc.setQueryData(['import', job.id], job);
      setJobId(job.id);
    },
  });
  const job = useQuery({
    queryKey: ['import', jobId],
    queryFn: () => endpoints.importJob(jobId!),
    enabled: jobId != null,
    staleTime: 0,
    // Poll while the server checks and writes; stop once it has an outcome.
    refetchInterval: (q) => (q.state.data && RUNNING.includes(q.state.data.status) ? 700 : false),
  });
  const current = job.data;
  const running = upload.isPending || (current != null && RUNNING.includes(current.status));

  // Once the import has written, lists and the chain map are out of date.
  const succeededId = current?.status === 'succeeded' ? current.id : null;
  useEffect(() => {
    if (succeededId == null) return;
    for (const key of ['enterprises', 'enterprise', 'enterprise-links', 'clusters', 'chain', 'chain-node', 'targets']) {
      void qc.invalidateQueries({ queryKey: [key] });
    }
  }, [succeededId, qc]);

  const testPrefix = kind === 'enterprises' ? 'import-enterprises' : 'import-supply-links';

  return (
    <Card
      size="small"
      title={t(title)}
      data-testid={testPrefix}
      extra={
        <Button size="small" icon={<DownloadOutlined />} href={endpoints.importTemplateUrl(kind)} download data-testid={`${testPrefix}-template`}>
          {t('downloadTemplate')}
        </Button>
      }
      style={{ height: '100%' }}
    >
      <Typography.Paragraph type="secondary">{t(hint)}</Typography.Paragraph>
      <div data-testid={`${testPrefix}-upload`}>
        <Upload.Dragger
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          multiple={false}
          showUploadList={false}
          disabled={running}
          beforeUpload={(file) => {
            upload.reset();
            setJobId(null);
            setFileName(file.name);
            if (!/\.xlsx$/i.test(file.name)) {
              setLocalError(t('importNotXlsx'));
              return Upload.LIST_IGNORE;
            }
            if (file.size > MAX_BYTES) {
              setLocalError(t('importTooLarge'));
              return Upload.LIST_IGNORE;
            }
            setLocalError(null);
            upload.mutate(file);
            // The upload is ours (multipart with the CSRF header), not antd's XHR.
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('uploadHint')}</p>
          <p className="ant-upload-hint">{t('uploadSubHint')}</p>
        </Upload.Dragger>
      </div>
      <div style={{ marginTop: 12 }}>
        {fileName && <Typography.Text strong>{fileName}</Typography.Text>}
        {upload.isPending && (
          <div data-testid="import-progress" data-status="uploading">
            <Typography.Text>{t('importUploading')}</Typography.Text>
            <Progress percent={0} status="active" showInfo={false} />
          </div>
        )}
        {localError && <Alert type="error" showIcon message={localError} data-testid="import-upload-error" />}
        {upload.isError && <Alert type="error" showIcon message={errorMessage(upload.error)} data-testid="import-upload-error" />}
        {job.isError && <Alert type="error" showIcon message={job.error.message} />}
        {current && RUNNING.includes(current.status) && <JobProgress job={current} />}
        {current && !RUNNING.includes(current.status) && <JobOutcome job={current} />}
      </div>
    </Card>
  );
}

export default function ImportsPage() {
  const { t } = useI18n();
  return (
    <div>
      <div className="page-head">
        <Typography.Title level={4}>{t('importsTitle')}</Typography.Title>
      </div>
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('importsIntro')}</Typography.Text>
        <Row gutter={[12, 12]}>
          <Col xs={24} xxl={12}>
            <ImportCard kind="enterprises" title="importEnterprises" hint="importEnterprisesHint" />
          </Col>
          <Col xs={24} xxl={12}>
            <ImportCard kind="supply-links" title="importSupplyLinks" hint="importSupplyLinksHint" />
          </Col>
        </Row>
      </Space>
    </div>
  );
}

