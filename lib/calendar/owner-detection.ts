/**
 * Whose calendar is it? Declined invitations can only be recognised when the owner's address is
 * known. The file tells, in this order of trust:
 *   1. `X-WR-CALNAME` is an e-mail address (Google names a person's main calendar after it);
 *   2. one address is on most events (as ATTENDEE on invitations, as ORGANIZER of the person's
 *      own events) — in a person's own calendar, they are on every event that lists anyone;
 * otherwise nothing is proposed. The person confirms or changes the proposal; an address that is
 * on no event of the file gets a warning (a typo, or the wrong calendar). Pure.
 */
import type { ParsedCalendar } from './parse-calendar';

export type OwnerSource = 'calendar-name' | 'attendees';

export interface OwnerGuess {
  email: string;
  source: OwnerSource;
  /** Events that list the address (as attendee or organizer). */
  events: number;
  /** Events that list anyone. */
  ofEvents: number;
}

/** Share of events-with-people that must list the address for it to be proposed. */
const MIN_SHARE = 0.5;

function isAddress(id: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(id);
}

/** Addresses on each event (attendees and organizer, lower-cased), one set per event that lists anyone. */
function addressesPerEvent(calendar: Pick<ParsedCalendar, 'events'>): Set<string>[] {
  const out: Set<string>[] = [];
  for (const ev of calendar.events) {
    const ids = new Set<string>();
    if (ev.organizer && isAddress(ev.organizer.id)) ids.add(ev.organizer.id);
    for (const a of ev.attendees) if (!a.isResource && isAddress(a.id)) ids.add(a.id);
    if (ids.size > 0) out.push(ids);
  }
  return out;
}

/** The owner the file suggests, or null when it does not say. */
export function detectOwner(calendar: Pick<ParsedCalendar, 'events' | 'ownerEmail'>): OwnerGuess | null {
  const perEvent = addressesPerEvent(calendar);
  if (calendar.ownerEmail) {
    const email = calendar.ownerEmail.toLowerCase();
    return {
      email,
      source: 'calendar-name',
      events: perEvent.filter((s) => s.has(email)).length,
      ofEvents: perEvent.length,
    };
  }
  const counts = new Map<string, number>();
  for (const ids of perEvent) for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  let best: [string, number] | null = null;
  let second = 0;
  for (const [id, n] of counts) {
    if (!best || n > best[1] || (n === best[1] && id < best[0])) {
      if (best) second = Math.max(second, best[1]);
      best = [id, n];
    } else second = Math.max(second, n);
  }
  if (!best || best[1] < 2 || best[1] === second || best[1] < perEvent.length * MIN_SHARE) return null;
  return { email: best[0], source: 'attendees', events: best[1], ofEvents: perEvent.length };
}

/** How many events list `email` (as attendee or organizer); 0 means the address is not in the file. */
export function eventsListing(calendar: Pick<ParsedCalendar, 'events'>, email: string): number {
  const e = email.trim().toLowerCase();
  if (!e) return 0;
  return addressesPerEvent(calendar).filter((s) => s.has(e)).length;
}

/** A plausible e-mail address (the owner field accepts nothing else). */
export function isEmailAddress(text: string): boolean {
  return isAddress(text.trim().toLowerCase());
}
