// How the skills competition writes its numbers and times, the same on the server (PDF, Excel) and the web.

/** Hundredths of a point as the score sheets print them: 87.5 → "87.50". */
export function formatCenti(centi: number): string {
  return (centi / 100).toFixed(2);
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** A UTC instant as a date in Asia/Shanghai, 2023年5月15日. */
export function shanghaiDate(iso: string): string {
  const d = new Date(new Date(iso).getTime() + SHANGHAI_OFFSET_MS);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

/** A UTC instant as Asia/Shanghai wall time, 2023-05-15 18:00. */
export function shanghaiDateTime(iso: string): string {
  return new Date(new Date(iso).getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** The tie-break that separated a row from the one above, in words. */
export function decidedByLabel(decidedBy: string | null, lang: 'zh' | 'en'): string {
  if (!decidedBy || decidedBy === 'total') return '';
  if (decidedBy.startsWith('module:')) return lang === 'zh' ? `按模块 ${decidedBy.slice(7)} 得分区分` : `separated by module ${decidedBy.slice(7)}`;
  if (decidedBy === 'jury') return lang === 'zh' ? '按仲裁委员会决定区分' : 'separated by the jury';
  return lang === 'zh' ? '并列,待仲裁委员会决定' : 'tied; awaits the jury';
}
