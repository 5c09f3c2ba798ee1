import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Progress, Space, Table, Typography } from 'antd';
import { useRef, useState } from 'react';
import { ORDER_REASON_LABELS } from '../../../shared/livestream.js';
import type { ImportReport } from '../../../shared/livestream-board.js';
import { errorMessage } from '../../api/formErrors.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { livestreamApi } from './api.js';

/** Upload, a running state while the server reads the whole file, then its report row by row. */
export function ImportPanel({ contestId }: { contestId: number }) {
  const { t, lang } = useI18n();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [running, setRunning] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function run(file: File) {
    setRunning(file.name);
    setReport(null);
    setFailure(null);
    try {
      const result = await livestreamApi.importOrders(contestId, file);
      setReport(result);
      await queryClient.invalidateQueries({ queryKey: ['ls-orders', contestId] });
      await queryClient.invalidateQueries({ queryKey: ['ls-board', contestId] });
    } catch (err) {
      setFailure(errorMessage(err));
    } finally {
      setRunning(null);
      if (input.current) input.current.value = '';
    }
  }

  return (
    <Card size="small" title={t('lsImportTitle')} data-testid="ls-import">
      <Typography.Paragraph type="secondary">{t('lsImportHint')}</Typography.Paragraph>
      <input ref={input} type="file" accept=".xlsx,.csv" hidden data-testid="ls-import-file" onChange={(e) => e.target.files?.[0] && void run(e.target.files[0])} />
      <Button type="primary" icon={<UploadOutlined />} loading={running !== null} onClick={() => input.current?.click()} data-testid="ls-import-button">
        {t('lsImportChoose')}
      </Button>
      {running && (
        <div style={{ marginTop: 12 }}>
          <Typography.Text>{t('lsImportRunning', { name: running })}</Typography.Text>
          <Progress percent={99} status="active" showInfo={false} />
        </div>
      )}
      {failure && <Alert type="error" showIcon message={failure} style={{ marginTop: 12 }} />}
      {report?.status === 'written' && (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="ls-import-result"
          message={t('lsImportWritten', { added: report.added, updated: report.updated, unchanged: report.unchanged, counted: report.counted })}
          description={
            <Space direction="vertical" size={2}>
              <span>{t('lsImportEncoding')}:{report.encoding.toUpperCase()}</span>
              {report.pendingRefunds > 0 && <span>{t('lsImportPending', { n: report.pendingRefunds })}</span>}
              {report.ignored.length > 0 && (
                <span>
                  {t('lsImportIgnored')}:{report.ignored.map((i) => `${ORDER_REASON_LABELS[i.reason][lang]} ${i.rows}`).join(';')}
                </span>
              )}
            </Space>
          }
        />
      )}
      {report?.status === 'rejected' && (
        <div style={{ marginTop: 12 }} data-testid="ls-import-errors">
          <Alert type="error" showIcon message={t('lsImportRejected', { n: report.errors.length })} style={{ marginBottom: 8 }} />
          <Table
            rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
            size="small"
            pagination={{ pageSize: 10 }}
            dataSource={report.errors}
            columns={[
              { title: t('lsErrRow'), dataIndex: 'row', width: 70 },
              { title: t('lsErrColumn'), dataIndex: 'column', width: 160 },
              { title: t('lsErrMessage'), dataIndex: 'message' },
            ]}
          />
        </div>
      )}
    </Card>
  );
}
