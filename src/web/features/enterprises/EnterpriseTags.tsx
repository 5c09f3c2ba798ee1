import { Tag } from 'antd';
import type { Enterprise } from '../../../shared/enterprises.js';
import { useI18n } from '../../i18n/I18nProvider.js';

export function LocalTag({ isLocal }: { isLocal: boolean }) {
  const { t } = useI18n();
  return <Tag color={isLocal ? 'blue' : 'default'}>{isLocal ? t('local') : t('outside')}</Tag>;
}

/** Where it sits: the county/park for a local enterprise, province · city for one outside. */
export function placeOf(e: Pick<Enterprise, 'isLocal' | 'regionName' | 'province' | 'city'>): string {
  if (e.isLocal) return e.regionName ?? '';
  return [e.province, e.city].filter(Boolean).join(' · ');
}
