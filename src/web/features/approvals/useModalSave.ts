import { App, type FormInstance } from 'antd';
import { useState } from 'react';
import { applyFieldError, errorMessage } from '../../api/formErrors.js';
import { useI18n } from '../../i18n/I18nProvider.js';

/**
 * What the approval and factor dialogs do around a save: a server error lands on its field or above
 * the form, and the page's data is refetched either way (after a 409 it shows the newer version).
 */
export function useModalSave(form: FormInstance, fields: string[], props: { onSaved: () => void; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  return {
    error,
    clearError: () => setError(null),
    submit: () => {
      setError(null);
      form.submit();
    },
    onSuccess: () => {
      message.success(t('apSaved'));
      props.onSaved();
      props.onClose();
    },
    onError: (err: unknown) => {
      if (!applyFieldError(form, err, fields)) setError(errorMessage(err));
      props.onSaved();
    },
  };
}
