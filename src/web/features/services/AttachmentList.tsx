import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, List, Typography, Upload } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { App } from 'antd';
import { formatTimestamp } from '../../../shared/format.js';
import type { ServiceRequestDetail } from '../../../shared/service-requests.js';
import { errorMessage } from '../../api/formErrors.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { serviceApi } from './api.js';

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/** The request's files as download links, and an upload for those who may add one. */
export function AttachmentList({ request }: { request: ServiceRequestDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [uploading, setUploading] = useState(false);

  async function send(file: File) {
    setUploading(true);
    try {
      await serviceApi.upload(request.id, file);
      message.success(t('svcUploaded', { name: file.name }));
      await qc.invalidateQueries({ queryKey: ['service-request', request.id] });
    } catch (err) {
      message.error(t('svcUploadFailed', { name: file.name, message: errorMessage(err) }));
    } finally {
      setUploading(false);
    }
  }

  return (
    <>
      <List
        size="small"
        data-testid="service-attachments"
        dataSource={request.attachments}
        locale={{ emptyText: t('svcNoAttachments') }}
        renderItem={(a) => (
          <List.Item>
            <a href={`/api/attachments/${a.id}`} download={a.fileName} data-testid="service-attachment-link">
              <PaperClipOutlined /> {a.fileName}
            </a>
            <Typography.Text type="secondary">
              {size(a.sizeBytes)} · {a.uploadedBy ?? ''} · {formatTimestamp(a.createdAt)}
            </Typography.Text>
          </List.Item>
        )}
      />
      {request.can.upload && (
        <Upload
          accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx"
          showUploadList={false}
          beforeUpload={(file) => {
            void send(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={uploading} style={{ marginTop: 8 }} data-testid="service-upload">
            {t('svcUpload')}
          </Button>
        </Upload>
      )}
    </>
  );
}
