import { searchKey } from '../db/search.js';

/** What a request is found by: its title, description and the enterprise's name. Every writer uses this. */
export function requestSearchText(title: string, description: string, enterpriseName: string): string {
  return searchKey(`${title}\n${description}\n${enterpriseName}`);
}
