/**
 * Hosts that hold calls, for the tracker's call lane (an audible tab of one of these counts as a call).
 * Built from catalog tools marked `calls: true`: Google Meet, Zoom, Microsoft Teams, Webex, Whereby,
 * Around, Gather, Jitsi, GoTo, RingCentral, Chime… Deliberately not Slack (app.slack.com is chat most of
 * the time) nor Discord.
 */
import { CATALOG } from './catalog';
import { hostSuffixes, normalizeHostFast } from './host-pattern';
import { isContentHost, vendorDomains } from './vendor-domains';

let exact: Set<string> | null = null;
let suffixes: Set<string> | null = null;
/** Vendor domains of call tools: their sub-domains hold calls too (not `help.`, `blog.`…). */
let vendors: Set<string> | null = null;

function build(): void {
  exact = new Set();
  suffixes = new Set();
  vendors = new Set();
  for (const t of CATALOG) {
    if (!t.calls) continue;
    for (const h of t.hosts ?? []) exact.add(h);
    for (const w of t.wildcards ?? []) suffixes.add(w.slice(2));
  }
  for (const [domain, t] of vendorDomains(CATALOG)) if (t.calls) vendors.add(domain);
}

/** True for hosts of tools that hold calls (normalises the host first: case, `www.`, port, IDN). */
export function isMeetingHost(host: string): boolean {
  if (exact === null || suffixes === null) build();
  const h = normalizeHostFast(host);
  if (h === '') return false;
  if ((exact as Set<string>).has(h)) return true;
  for (const s of hostSuffixes(h)) {
    if ((suffixes as Set<string>).has(s)) return true;
    if ((vendors as Set<string>).has(s) && !isContentHost(h, s)) return true;
  }
  return false;
}
