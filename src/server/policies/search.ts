import { searchKey } from '../db/search.js';

/** What a policy is found by: its title, issuer and document number. Every writer of policies uses this. */
export function policySearchText(title: string, issuer: string, docNumber: string): string {
  return searchKey(`${title}\n${issuer}\n${docNumber}`);
}
