import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, List, Space, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { SKILLS_CATEGORY_LABELS, type MyEntry } from '../../../shared/skills.js';
import { decidedByLabel, formatCenti, shanghaiDateTime } from '../../../shared/skills-format.js';
import { ApiError } from '../../api/client.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { skillsApi } from './api.js';

// The contestant's own page: registration and eligibility, the result once released, a written
// appeal inside the window, and the certificate with its verification code.

function Entry({ entry }: { entry: MyEntry }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ text: string }>();
  const appeal = useMutation({
    mutationFn: (text: string) => skillsApi.appeal(entry.contestant.id, text),
    onSuccess: () => {
      message.success(t('skAppealSent'));
      form.resetFields();
      void client.invalidateQueries({ queryKey: ['skills-me'] });
    },
    onError: (e) => message.error(e instanceof ApiError ? e.message : String(e)),
  });
  const { contestant: c, competition, result, certificate } = entry;
  return (
    <Card title={`${entry.event.name} · ${competition.name}`} data-testid="my-entry">
      <Descriptions column={{ xs: 1, sm: 2 }} size="small">
        <Descriptions.Item label={t('skPersonName')}>{c.name}</Descriptions.Item>
        <Descriptions.Item label={t('skRegNo')}>{c.regNo}</Descriptions.Item>
        <Descriptions.Item label={t('skUnit')}>{c.unit}</Descriptions.Item>
        <Descriptions.Item label={t('skCategory')}>{SKILLS_CATEGORY_LABELS[c.category][lang]}</Descriptions.Item>
        <Descriptions.Item label={t('skVenue')}>{`${entry.event.venue} · ${entry.event.startsOn}`}</Descriptions.Item>
        <Descriptions.Item label={t('skEligibility')}>
          <Tag color={c.eligibility === 'eligible' ? 'green' : c.eligibility === 'ineligible' ? 'red' : 'default'}>{t(`skElig_${c.eligibility}`)}</Tag>
          {c.eligibilityNote}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>{t('skResult')}</Typography.Title>
      {!competition.released ? (
        <Alert type="info" showIcon message={t('skResultEmbargoed', { time: competition.releaseAt ? shanghaiDateTime(competition.releaseAt) : t('skNotScheduled') })} />
      ) : result ? (
        <Space direction="vertical" data-testid="my-result">
          <Space wrap>
            <Typography.Text strong style={{ fontSize: 18 }}>
              {t('skPosition')} {result.position} · {formatCenti(result.totalCenti)}
            </Typography.Text>
            {result.qualified && <Tag color="gold">{t('skQualified')}</Tag>}
            {decidedByLabel(result.decidedBy, lang) && <Tag>{decidedByLabel(result.decidedBy, lang)}</Tag>}
          </Space>
          <Space wrap>
            {Object.entries(result.modules).map(([code, centi]) => (
              <Tag key={code}>{`${t('skModule')} ${code}: ${formatCenti(centi)}`}</Tag>
            ))}
          </Space>
        </Space>
      ) : (
        <Empty />
      )}
      {entry.appeals.length > 0 && (
        <List
          size="small"
          style={{ marginTop: 12 }}
          dataSource={entry.appeals}
          renderItem={(a) => (
            <List.Item>
              <Space direction="vertical" size={0}>
                <Typography.Text>{a.text}</Typography.Text>
                <Typography.Text type="secondary">
                  <Tag>{t(`skAppealStatus_${a.status}`)}</Tag>
                  {a.ruling}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
      {competition.appealsOpen && (
        <Form form={form} layout="vertical" style={{ marginTop: 12 }} onFinish={(v) => appeal.mutate(v.text)}>
          <Alert type="warning" showIcon style={{ marginBottom: 8 }} message={t('skAppealWindow', { time: shanghaiDateTime(new Date(new Date(competition.releaseAt!).getTime() + competition.appealHours * 3_600_000).toISOString()) })} />
          <Form.Item name="text" label={t('skAppealText')} rules={[{ required: true, min: 5 }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Button htmlType="submit" loading={appeal.isPending}>
            {t('skAppeal')}
          </Button>
        </Form>
      )}
      {certificate && (
        <Card size="small" style={{ marginTop: 16 }} title={t('skCertificate')} data-testid="my-certificate">
          <Space direction="vertical">
            <Typography.Text>
              {t('skVerifyCode')}:<Typography.Text code copyable data-testid="my-certificate-code">{certificate.code}</Typography.Text>
            </Typography.Text>
            <Space wrap>
              <Button icon={<DownloadOutlined />} href={skillsApi.certificatePdfUrl(certificate.code)} data-testid="certificate-pdf">
                {t('skDownload')}
              </Button>
              <Link to={`/verify/${certificate.code}`} data-testid="certificate-verify-link">
                {t('skOpenVerify')}
              </Link>
            </Space>
          </Space>
        </Card>
      )}
    </Card>
  );
}

export default function MyEntryPage() {
  const { t } = useI18n();
  const me = useQuery({ queryKey: ['skills-me'], queryFn: skillsApi.me });
  if (me.isLoading) return <Spin />;
  return (
    <div style={{ maxWidth: 760 }}>
      <Typography.Title level={4}>{t('skMyTitle')}</Typography.Title>
      {me.data?.items.length ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          {me.data.items.map((e) => (
            <Entry key={e.contestant.id} entry={e} />
          ))}
        </Space>
      ) : (
        <Empty description={t('skNoEntries')} />
      )}
    </div>
  );
}
