import { searchKey } from '../db/search.js';

/** What a lead is found by: the firm's name and the contact person. Every writer of leads uses this. */
export function leadSearchText(enterpriseName: string, contactName: string): string {
  return searchKey(`${enterpriseName}\n${contactName}`);
}
