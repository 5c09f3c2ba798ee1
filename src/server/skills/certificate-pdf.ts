import PDFDocument from 'pdfkit';
import type { CertificateCheck } from '../../shared/skills.js';
import { formatCenti, shanghaiDate } from '../../shared/skills-format.js';
import { cjkFont } from '../reports/pdf.js';

// The certificate as an A4 landscape PDF in Chinese (the monthly report's embedded, subsetted font).
// No QR library is among the dependencies, so the verification code and the address of the public
// page that checks it are printed instead.

export function certificatePdf(c: CertificateCheck & { site: string }, verifyUrl: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 60, info: { Title: `${c.competition} 证书 ${c.code}`, Creator: 'Lianzhu 链主' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 120;
  doc.registerFont('cjk', cjkFont());
  doc.font('cjk');
  doc.rect(30, 30, doc.page.width - 60, doc.page.height - 60).lineWidth(3).strokeColor('#a8071a').stroke();
  doc.rect(38, 38, doc.page.width - 76, doc.page.height - 76).lineWidth(0.8).strokeColor('#a8071a').stroke();
  doc.moveDown(1.5);
  doc.fillColor('#a8071a').fontSize(34).text(c.kind === 'qualified' ? '选 拔 资 格 证 书' : '参 赛 证 书', 60, 100, { width, align: 'center' });
  doc.moveDown(1.2);
  doc.fillColor('#000000').fontSize(16);
  const body =
    c.kind === 'qualified'
      ? `${c.name}(${c.unit})在${c.competition}${c.event}赛项中取得第 ${c.rank} 名,成绩 ${formatCenti(c.totalCenti)} 分,获得晋级资格。`
      : `${c.name}(${c.unit})参加${c.competition}${c.event}赛项,取得第 ${c.rank} 名,成绩 ${formatCenti(c.totalCenti)} 分。`;
  doc.text(body, 100, doc.y, { width: width - 80, align: 'left', lineGap: 8, indent: 32 });
  doc.moveDown(2);
  doc.fontSize(13).text(c.site, 60, doc.y, { width: width - 40, align: 'right' });
  doc.text(shanghaiDate(c.issuedAt), 60, doc.y + 4, { width: width - 40, align: 'right' });
  doc.fontSize(10).fillColor('#595959');
  doc.text(`证书验证码:${c.code}`, 60, doc.page.height - 110, { width, align: 'left' });
  doc.text(`核验地址:${verifyUrl}`, 60, doc.page.height - 94, { width, align: 'left' });
  doc.end();
  return done;
}
