import type { FormInstance } from 'antd';
import { applyFieldError, errorMessage } from '../../api/formErrors.js';

/** A refused write: on the named field when the form shows it, otherwise as a message. */
export function showServerError(form: FormInstance, err: unknown, message: { error: (text: string) => unknown }): void {
  const fields = Object.keys(form.getFieldsValue() as Record<string, unknown>);
  if (!applyFieldError(form, err, fields)) message.error(errorMessage(err));
}
