import { searchKey } from '../db/search.js';

/** What an event is found by; every writer of events uses this. */
export function eventSearchText(e: { name: string; theme: string; venue: string; organiser: string }): string {
  return searchKey([e.name, e.theme, e.venue, e.organiser].join('\n'));
}

/** A guest is found at the door by name, organisation, title or phone. */
export function guestSearchText(g: { person_name: string; organisation: string; title: string; phone: string }): string {
  return searchKey([g.person_name, g.organisation, g.title, g.phone].join('\n'));
}
