import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { ApiError } from '../../api/client.js';
import { useI18n } from '../../i18n/I18nProvider.js';

/** After any write to a lead: refresh what shows it; on a version conflict, say so and show the fresh lead. */
export function useLeadRefresh() {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { t } = useI18n();
  const refresh = (id?: number) => {
    void qc.invalidateQueries({ queryKey: ['leads'] });
    void qc.invalidateQueries({ queryKey: ['lead-board'] });
    void qc.invalidateQueries({ queryKey: ['lead-reminders'] });
    if (id) {
      void qc.invalidateQueries({ queryKey: ['lead', id] });
      void qc.invalidateQueries({ queryKey: ['lead-activities', id] });
    }
  };
  const onConflict = (err: unknown, id: number) => {
    if (err instanceof ApiError && err.status === 409 && err.code === 'version_conflict') {
      message.warning(t('lpConflict'));
      refresh(id);
      return true;
    }
    return false;
  };
  return { refresh, onConflict };
}
