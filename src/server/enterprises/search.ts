import { searchKey } from '../db/search.js';

/** Name and credit code, normalised once at write time so any substring search matches on both engines. */
export function enterpriseSearchText(name: string, uscc: string): string {
  return searchKey(`${name}\n${uscc}`);
}
