import { searchKey } from '../db/search.js';

export function projectSearchText(name: string, investorName: string): string {
  return searchKey(`${name}\n${investorName}`);
}
