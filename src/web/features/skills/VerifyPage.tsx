import { CheckCircleTwoTone } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { formatCenti, shanghaiDate } from '../../../shared/skills-format.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { LanguageSwitch } from '../../i18n/LanguageSwitch.js';
import { skillsApi } from './api.js';

// The public certificate check (/verify/:code): no sign-in, no menu; what the certificate says,
// read back from the record, or a plain "no such certificate".

export default function VerifyPage() {
  const { t } = useI18n();
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const [input, setInput] = useState(code);
  const check = useQuery({ queryKey: ['skills-verify', code], queryFn: () => skillsApi.verify(code), enabled: !!code, retry: false });
  const c = check.data;
  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5', padding: '32px 16px' }} data-testid="verify-page">
      <div style={{ maxWidth: 560, margin: '0 auto' }}>
        <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 16 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('skVerifyTitle')}
          </Typography.Title>
          <LanguageSwitch />
        </Space>
        <Card>
          <Typography.Paragraph>{t('skVerifyIntro')}</Typography.Paragraph>
          <Space.Compact style={{ width: '100%' }}>
            <Input
              size="large"
              value={input}
              placeholder="XXXX-XXXX-XXXX"
              onChange={(e) => setInput(e.target.value.toUpperCase())}
              onPressEnter={() => input.trim() && navigate(`/verify/${encodeURIComponent(input.trim())}`)}
              data-testid="verify-input"
              aria-label={t('skVerifyCode')}
            />
            <Button size="large" type="primary" onClick={() => input.trim() && navigate(`/verify/${encodeURIComponent(input.trim())}`)} data-testid="verify-submit">
              {t('skVerifyButton')}
            </Button>
          </Space.Compact>
          {check.isError && <Alert style={{ marginTop: 16 }} type="error" showIcon message={t('skVerifyInvalid')} data-testid="verify-invalid" />}
          {c && (
            <div style={{ marginTop: 16 }} data-testid="verify-valid">
              <Alert type="success" showIcon icon={<CheckCircleTwoTone twoToneColor="#52c41a" />} message={`${t('skVerifyValid')} · ${c.kind === 'qualified' ? t('skKindQualified') : t('skKindParticipation')}`} />
              <Descriptions column={1} size="small" bordered style={{ marginTop: 12 }}>
                <Descriptions.Item label={t('skPersonName')}>{c.name}</Descriptions.Item>
                <Descriptions.Item label={t('skUnit')}>{c.unit}</Descriptions.Item>
                <Descriptions.Item label={t('skCompetition')}>{c.competition}</Descriptions.Item>
                <Descriptions.Item label={t('skEvent')}>{c.event}</Descriptions.Item>
                <Descriptions.Item label={t('skPosition')}>{c.rank}</Descriptions.Item>
                <Descriptions.Item label={t('skScore')}>{formatCenti(c.totalCenti)}</Descriptions.Item>
                <Descriptions.Item label={t('skIssuedAt')}>{shanghaiDate(c.issuedAt)}</Descriptions.Item>
                <Descriptions.Item label={t('skVerifyCode')}>{c.code}</Descriptions.Item>
              </Descriptions>
            </div>
          )}
        </Card>
      </div>
    </div>
  );
}
