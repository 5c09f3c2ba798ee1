import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Empty, Form, Input, InputNumber, Modal, Row, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { CompetitionDetail, ResultRow, SkillsEvent } from '../../../shared/skills.js';
import { decidedByLabel, formatCenti, shanghaiDateTime } from '../../../shared/skills-format.js';
import { errorMessage } from '../../api/formErrors.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { skillsApi } from './api.js';
import { ModerationPanel, ModuleSignOff } from './ModerationPanel.js';

// 成绩与证书: the ranking by the published tie-break chain with the qualification cut and its
// warning, module sign-off, moderation, the jury's decision on a tie, certificates and Excel.

export function ResultsTab({ competition, event }: { competition: CompetitionDetail; event: SkillsEvent }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const results = useQuery({ queryKey: ['skills-results', event.id], queryFn: () => skillsApi.results(event.id) });
  const scheme = useQuery({ queryKey: ['skills-scheme', event.id], queryFn: () => skillsApi.scheme(event.id) });
  const [jury, setJury] = useState<ResultRow | null>(null);
  const [form] = Form.useForm();
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ['skills-results', event.id] });
    void client.invalidateQueries({ queryKey: ['skills-scheme', event.id] });
  };
  const r = results.data;
  const warned = new Set(r?.cutWarning?.contestantIds ?? []);
  const issue = () =>
    skillsApi.issueCertificates(event.id).then(
      (x) => {
        message.success(t('skIssued', x));
        refresh();
      },
      (e: unknown) => message.error(errorMessage(e)),
    );
  const saveJury = async () => {
    const v = await form.validateFields();
    try {
      await skillsApi.jury(jury!.contestantId, v.juryRank ?? null, v.reason);
      setJury(null);
      refresh();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xxl={17}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space wrap>
            {competition.released ? <Tag color="green">{t('skReleasedAt', { time: shanghaiDateTime(competition.releaseAt!) })}</Tag> : <Tag color="orange">{t('skEmbargo')}</Tag>}
            {r?.appealsCloseAt && <Tag>{t('skAppealsUntil', { time: shanghaiDateTime(r.appealsCloseAt) })}</Tag>}
            <Button icon={<DownloadOutlined />} href={skillsApi.resultsExportUrl(event.id)}>
              {t('skExport')}
            </Button>
            <Button icon={<SafetyCertificateOutlined />} onClick={issue} data-testid="issue-certificates">
              {t('skIssue')}
            </Button>
          </Space>
          {r?.cutWarning && (
            <Alert
              type="warning"
              showIcon
              data-testid="cut-warning"
              message={t('skCutWarning', { places: r.places })}
              description={decidedByLabel(r.cutWarning.decidedBy, lang) ? t('skCutDecided', { how: decidedByLabel(r.cutWarning.decidedBy, lang) }) : undefined}
            />
          )}
          <Table
            size="small"
            rowKey="contestantId"
            loading={results.isLoading}
            scroll={{ x: 1300 }}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            dataSource={r?.rows}
            locale={{ emptyText: <Empty /> }}
            rowClassName={(row) => (warned.has(row.contestantId) ? 'skills-cut-row' : '')}
            columns={[
              { title: t('skPosition'), dataIndex: 'position', width: 60 },
              { title: t('skPersonName'), width: 170, render: (_, row) => <Space size={4}>{row.name}{!row.complete && <Tag color="red">{t('skIncomplete')}</Tag>}</Space> },
              { title: t('skUnit'), dataIndex: 'unit', width: 210, ellipsis: true },
              { title: t('skBlindCode'), dataIndex: 'blindCode', width: 80 },
              ...(r?.tieOrder ?? []).map((code) => ({ title: `${t('skModule')}${code}`, width: 80, render: (_: unknown, row: ResultRow) => formatCenti(row.modules[code] ?? 0) })),
              { title: t('skScore'), width: 80, render: (_, row) => <Typography.Text strong>{formatCenti(row.totalCenti)}</Typography.Text> },
              { title: '', width: 170, render: (_, row) => <Typography.Text type="secondary" style={{ fontSize: 12 }}>{decidedByLabel(row.decidedBy, lang)}</Typography.Text> },
              { title: t('skQualified'), width: 70, render: (_, row) => (row.qualified ? <Tag color="gold">{t('skQualified')}</Tag> : null) },
              { title: t('skCertificate'), width: 160, render: (_, row) => (row.certificateCode ? <Typography.Text code>{row.certificateCode}</Typography.Text> : '—') },
              {
                title: '',
                width: 90,
                render: (_, row) => (
                  <Button size="small" type="link" onClick={() => { form.setFieldsValue({ juryRank: row.juryRank, reason: '' }); setJury(row); }}>
                    {t('skJury')}
                  </Button>
                ),
              },
            ]}
          />
        </Space>
      </Col>
      <Col xs={24} xxl={7}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Card size="small" title={t('skModules')}>
            <ModuleSignOff modules={scheme.data?.modules ?? []} onDone={refresh} />
          </Card>
          <Card size="small">
            <ModerationPanel eventId={event.id} />
          </Card>
        </Space>
      </Col>
      <Modal open={!!jury} title={`${t('skJury')} · ${jury?.name ?? ''}`} onOk={saveJury} onCancel={() => setJury(null)} okText={t('skSave')} cancelText={t('skCancel')}>
        <Form form={form} layout="vertical">
          <Form.Item name="juryRank" label={t('skJuryRank')}><InputNumber min={1} max={1000} /></Form.Item>
          <Form.Item name="reason" label={t('skJuryReason')} rules={[{ required: true, min: 2 }]}><Input.TextArea rows={2} maxLength={300} /></Form.Item>
        </Form>
      </Modal>
    </Row>
  );
}
