import type { FormInstance } from 'antd';
import { ApiError } from './client.js';

/**
 * Puts a server validation message on the form field it names. The server names fields by
 * their API path (plannedDates.landed); `fields` lists the API paths the form shows (a prefix
 * such as 'plannedDates' covers its children) and `rename` maps API paths to form names where
 * they differ (the 万元 inputs). Returns false when the error is not about a field on this form,
 * so the caller shows it elsewhere.
 */
export function applyFieldError(
  form: FormInstance,
  err: unknown,
  fields: string[],
  rename: Record<string, string> = {},
): boolean {
  if (!(err instanceof ApiError) || !err.field) return false;
  const field = err.field;
  if (!fields.some((f) => field === f || field.startsWith(`${f}.`))) return false;
  const path = (rename[field] ?? field).split('.');
  form.setFields([{ name: path, errors: [err.message] }]);
  form.scrollToField(path, { block: 'center' });
  return true;
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
