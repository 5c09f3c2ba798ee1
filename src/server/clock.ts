export { todayInShanghai } from '../shared/format.js';

export function nowIso(): string {
  return new Date().toISOString();
}
