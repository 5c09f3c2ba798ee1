/**
 * A list page's URL after a filter change: empty values drop their key, and any change other than
 * paging itself starts again at page 1.
 */
export function patchSearchParams(prev: URLSearchParams, patch: Record<string, string | number | boolean | null | undefined>): URLSearchParams {
  const next = new URLSearchParams(prev);
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined || v === null || v === '') next.delete(k);
    else next.set(k, String(v));
  }
  if (!('page' in patch)) next.delete('page');
  return next;
}
