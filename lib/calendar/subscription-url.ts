/**
 * The private calendar address a person pastes: validated, `webcal://` turned into `https://`,
 * and only for the vendors in calendar-hosts.ts (the only hosts the extension's CSP lets it
 * reach). Shown masked: the address is a secret (anyone who has it can read the calendar). Pure.
 */
import { vendorOfHost, CALENDAR_VENDORS, type CalendarVendor } from './calendar-hosts';

export type SubscriptionUrlResult =
  { ok: true; url: string; host: string; origin: string; vendor: CalendarVendor } | { ok: false; message: string };

/** Longest address accepted (Google's secret addresses are ~150 characters). */
export const MAX_SUBSCRIPTION_URL = 2048;

/** "Google Calendar, Outlook, … and Zoho Calendar". */
export const VENDOR_NAMES = CALENDAR_VENDORS.map((v) => v.name).reduce(
  (list, name, i, all) => (i === 0 ? name : `${list}${i === all.length - 1 ? ' and' : ','} ${name}`),
  '',
);

export function parseSubscriptionUrl(input: string): SubscriptionUrlResult {
  const text = input.trim();
  if (!text)
    return { ok: false, message: 'Paste the calendar’s private address (it ends in .ics or starts with webcal://).' };
  if (text.length > MAX_SUBSCRIPTION_URL)
    return { ok: false, message: 'That address is too long to be a calendar address.' };
  const withScheme = /^webcals?:\/\//i.test(text)
    ? text.replace(/^webcals?:\/\//i, 'https://')
    : /^[a-z][a-z0-9+.-]*:/i.test(text)
      ? text
      : `https://${text}`;
  let u: URL;
  try {
    u = new URL(withScheme);
  } catch {
    return { ok: false, message: 'That is not a web address. Copy the whole address from your calendar’s settings.' };
  }
  if (u.protocol === 'http:') u.protocol = 'https:';
  if (u.protocol !== 'https:')
    return { ok: false, message: 'Only https:// and webcal:// calendar addresses are supported.' };
  if (u.username || u.password)
    return { ok: false, message: 'Addresses with a user name or password are not supported.' };
  if (u.port) return { ok: false, message: 'Addresses with a port number are not supported.' };
  const host = u.hostname.toLowerCase();
  const vendor = vendorOfHost(host);
  if (!vendor) {
    return {
      ok: false,
      message: `Creative Ratio can subscribe only to calendars from ${VENDOR_NAMES} (${host} is not one of them): the browser lets it reach those sites and no other. For another calendar, download its .ics file and import it below.`,
    };
  }
  u.hash = '';
  return { ok: true, url: u.toString(), host, origin: `https://${host}/*`, vendor };
}

/**
 * The address with its secret parts hidden: the host and, when it is a plain file name such as
 * `basic.ics`, the last path segment — `calendar.google.com/…/basic.ics`.
 */
export function maskSubscriptionUrl(url: string): string {
  try {
    const u = new URL(url);
    const last = u.pathname.split('/').filter(Boolean).pop() ?? '';
    return /^[a-z]{1,20}\.ics$/i.test(last) ? `${u.hostname}/…/${last}` : `${u.hostname}/…`;
  } catch {
    return '…';
  }
}
