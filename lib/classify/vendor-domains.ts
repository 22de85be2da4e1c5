/**
 * Vendor domains: the sub-domain fallback of the catalog.
 *
 * A catalog host that is a vendor's own registrable domain (`hootsuite.com`, `canva.com`, `semrush.com`)
 * also matches that domain's sub-domains (`app.hootsuite.com`, `eu.canva.com`, `acme.tool.com`), at the
 * lowest catalog specificity: any exact host, wildcard or path rule beats it. It is opt-out, because
 * almost every SaaS vendor runs one product on its own domain and serves it from `app.`, `my.`, `eu.`,
 * `us2.`, `login.` or tenant sub-domains nobody can list in advance. A registrable domain gets no fallback
 * when:
 *
 * - it is a shared or multi-product domain (`SHARED_DOMAINS`): a sub-domain there is another product
 *   (`news.google.com`, `sellercentral.amazon.com`, `ads.spotify.com`) or someone else's content
 *   (`jane.github.io`, `acme.my.site.com`, `someone.medium.com`);
 * - the catalog itself names another tool on one of its sub-domains (host, wildcard or path), which
 *   proves the vendor runs several products there (`dropbox.com` + `paper.dropbox.com`, `x.com` +
 *   `ads.x.com`); other tools' paths on the apex itself (`figma.com/board`) do not count;
 * - the tool says `subdomains: false`;
 * - the catalog already has an explicit wildcard for it (`*.slack.com`: the fallback would add nothing).
 *
 * Only registrable domains qualify: a catalog host that is itself a sub-domain (`app.asana.com`,
 * `calendar.google.com`, `search.brave.com`) claims that host only; it says nothing about the rest of
 * the vendor's domain, which may be other products (`talk.brave.com`, `world.hey.com`).
 *
 * Vendor sites that are the vendor's content rather than its product — blog, help centre, docs,
 * community, academy, status, careers (`CONTENT_LABELS`) — never fall back: reading
 * `blog.hootsuite.com` is not using Hootsuite.
 */
import type { CatalogTool } from './catalog/types';
import { splitHostPath } from './host-pattern';

/** Second-level labels under which a two-label name is still a public suffix (`co.uk`, `com.au`). */
export const PUBLIC_SECOND_LEVEL: ReadonlySet<string> = new Set([
  'co',
  'com',
  'net',
  'org',
  'gov',
  'edu',
  'ac',
  'ne',
  'or',
  'go',
  'gob',
  'mil',
  'nic',
  'ltd',
  'plc',
]);

/** True for a top-level domain or a country second-level public suffix (`com`, `co.uk`, `com.au`). */
export function isPublicSuffix(domain: string): boolean {
  const labels = domain.split('.');
  if (labels.length === 1) return true;
  return labels.length === 2 && PUBLIC_SECOND_LEVEL.has(labels[0] as string) && (labels[1] as string).length === 2;
}

/**
 * The registrable domain (public suffix + one label) of a normalised host, or null for a public suffix
 * itself or an IP address: `app.eu.hootsuite.com` → `hootsuite.com`, `news.bbc.co.uk` → `bbc.co.uk`.
 * Country second-level suffixes are recognised by shape (`co.uk`, `com.au`, `gov.uk`…), which is all the
 * catalog needs; platform suffixes (`github.io`, `netlify.app`) are `SHARED_DOMAINS`.
 */
export function registrableDomain(host: string): string | null {
  // Index arithmetic instead of split/slice/join: the catalog compile calls this ~3,000 times at start.
  const last = host.lastIndexOf('.');
  if (last === -1 || host.includes(':') || isNumeric(host)) return null;
  const prev = last === 0 ? -1 : host.lastIndexOf('.', last - 1);
  // `two` (the last two labels) is a public suffix when it is a known second level + a two-letter country.
  if (host.length - last - 1 !== 2 || !PUBLIC_SECOND_LEVEL.has(host.slice(prev + 1, last)))
    return prev === -1 ? host : host.slice(prev + 1);
  if (prev === -1) return null;
  const third = prev === 0 ? -1 : host.lastIndexOf('.', prev - 1);
  return third === -1 ? host : host.slice(third + 1);
}

/** Only digits and dots (an IPv4 address or a numeric name): `/^[\d.]+$/` without a regex. */
function isNumeric(host: string): boolean {
  for (let i = 0; i < host.length; i += 1) {
    const c = host.charCodeAt(i);
    if (c !== 46 && (c < 48 || c > 57)) return false;
  }
  return host.length > 0;
}

/**
 * Shared and multi-product registrable domains: their sub-domains never fall back to a catalog tool on
 * the apex. `name.*` means the brand on any public suffix (`amazon.co.uk`, `google.de`). The reason is
 * documentation (docs/classification.md lists the groups); tests check every entry's effect.
 */
export const SHARED_DOMAINS: ReadonlyMap<string, string> = new Map([
  // Platform vendors: every sub-domain is a different product.
  ['google.*', 'Google: Docs, Sheets, Maps, News, Ads, Analytics… each on its own sub-domain'],
  ['microsoft.com', 'Microsoft: Teams, Clarity, Ads, admin, Copilot, Learn…'],
  ['cloud.microsoft', 'Microsoft 365 apps, one sub-domain each'],
  ['office.com', 'Outlook, Planner, Forms, Word… one sub-domain each'],
  ['office365.com', 'Outlook and other Microsoft 365 apps'],
  ['microsoft365.com', 'Microsoft 365 home and apps'],
  ['live.com', 'Outlook.com, OneDrive, Teams free, Microsoft login'],
  ['microsoftonline.com', 'Microsoft sign-in for many products'],
  ['sharepoint.com', 'tenants’ intranet sites and OneDrive (catalog wildcards cover them by path)'],
  ['apple.com', 'Apple: TV, Music, support, developer, iCloud…'],
  ['icloud.com', 'iCloud Mail, Pages, Keynote, Numbers, Photos on one domain'],
  ['amazon.*', 'Amazon shopping, Seller Central, Ads, AWS, Music…'],
  ['amazonaws.com', 'AWS-hosted customer apps and buckets'],
  ['cloudfront.net', 'customers’ CDN hosts'],
  ['adobe.com', 'Adobe: Express, Creative Cloud, Acrobat, Firefly, Stock, Experience Cloud…'],
  ['salesforce.com', 'Salesforce orgs, Trailhead, AppExchange, help'],
  ['force.com', 'Salesforce orgs and customers’ Experience Cloud sites'],
  ['site.com', 'customers’ Salesforce Experience Cloud sites'],
  ['atlassian.com', 'Atlassian home, admin, ID, support, Trello/Loom sign-in'],
  ['atlassian.net', 'tenants’ Jira and Confluence (catalog wildcards)'],
  ['zoho.*', 'Zoho: Mail, CRM, Writer, Meeting… one sub-domain each'],
  ['proton.me', 'Proton Mail, Drive, Calendar, Pass'],
  ['yahoo.com', 'Yahoo Mail, News, Finance, Sports, Weather'],
  ['hubspot.com', 'HubSpot app, meetings links, blog, academy, knowledge base, ecosystem'],
  ['openai.com', 'ChatGPT, API platform, Sora, help'],
  ['meta.com', 'Meta: business help, developers, accounts'],
  ['facebook.com', 'Facebook, Ads Manager, Business Suite, developers'],
  ['instagram.com', 'Instagram, Instagram for Business (marketing site), help'],
  ['linkedin.com', 'LinkedIn, Learning, Marketing Solutions, Talent, Sales Navigator'],
  ['x.com', 'X, X Ads, developer platform, business site'],
  ['twitter.com', 'X, X Ads, developer platform, business site'],
  ['tiktok.com', 'TikTok, TikTok Ads, Seller Center, business site'],
  ['spotify.com', 'Spotify, Spotify Advertising, Spotify for Creators/Podcasters, Artists'],
  ['youtube.com', 'YouTube, YouTube Studio, YouTube TV, Music'],
  ['brave.com', 'Brave Search, Talk, News, account'],
  // Hosting platforms and publishing networks: every sub-domain is someone else's site.
  ['github.io', 'GitHub Pages: people’s and projects’ sites'],
  ['gitlab.io', 'GitLab Pages sites'],
  ['netlify.app', 'sites hosted on Netlify'],
  ['vercel.app', 'sites hosted on Vercel'],
  ['pages.dev', 'sites hosted on Cloudflare Pages'],
  ['workers.dev', 'apps hosted on Cloudflare Workers'],
  ['web.app', 'sites hosted on Firebase'],
  ['firebaseapp.com', 'sites hosted on Firebase'],
  ['herokuapp.com', 'apps hosted on Heroku'],
  ['azurewebsites.net', 'apps hosted on Azure'],
  ['onrender.com', 'apps hosted on Render'],
  ['fly.dev', 'apps hosted on Fly.io'],
  ['replit.app', 'apps hosted on Replit'],
  ['lovable.app', 'apps built with Lovable'],
  ['webflow.io', 'Webflow staging sites (the catalog wildcard counts them as Webflow)'],
  ['framer.website', 'sites published with Framer'],
  ['framer.app', 'sites published with Framer'],
  ['wixsite.com', 'sites published with Wix'],
  ['squarespace.com', 'Squarespace sites’ admin (catalog wildcard) and help'],
  ['myshopify.com', 'Shopify stores'],
  ['wordpress.com', 'blogs hosted on WordPress.com (catalog wildcard)'],
  ['blogspot.com', 'blogs hosted on Blogger'],
  ['medium.com', 'publications and writers’ blogs'],
  ['substack.com', 'newsletters (catalog wildcard)'],
  ['ghost.io', 'publications hosted on Ghost (catalog wildcard)'],
  ['notion.site', 'pages published from Notion (catalog wildcard)'],
  ['gamma.site', 'sites published with Gamma'],
  ['canva.site', 'sites published with Canva'],
  ['carrd.co', 'one-page sites built with Carrd'],
  ['gitbook.io', 'documentation sites hosted on GitBook'],
  ['readme.io', 'documentation sites hosted on ReadMe'],
  ['hs-sites.com', 'sites hosted on HubSpot'],
  ['typeform.com', 'forms people fill in (acme.typeform.com/to/…)'],
  ['zendesk.com', 'companies’ help centres and agent workspaces (catalog wildcard)'],
  ['freshdesk.com', 'companies’ help centres and agent workspaces (catalog wildcard)'],
  ['tumblr.com', 'blogs hosted on Tumblr'],
  ['weebly.com', 'sites hosted on Weebly'],
  ['jimdosite.com', 'sites hosted on Jimdo'],
  ['godaddysites.com', 'sites hosted on GoDaddy'],
]);

/** True when sub-domains of this registrable domain are never a catalog tool's by the fallback. */
export function isSharedDomain(domain: string): boolean {
  if (SHARED_DOMAINS.has(domain)) return true;
  const dot = domain.indexOf('.');
  return dot > 0 && SHARED_DOMAINS.has(`${domain.slice(0, dot)}.*`);
}

/**
 * Sub-domain labels under which a vendor publishes content about its product, not the product: reading
 * `blog.`, `help.`, `docs.`, `community.`, `academy.`, `status.`… of a vendor is not using the tool.
 */
export const CONTENT_LABELS: ReadonlySet<string> = new Set([
  'about',
  'academy',
  'blog',
  'blogs',
  'careers',
  'community',
  'developer',
  'developers',
  'docs',
  'engineering',
  'forum',
  'forums',
  'go',
  'help',
  'helpcenter',
  'info',
  'investor',
  'investors',
  'ir',
  'jobs',
  'kb',
  'knowledge',
  'learn',
  'legal',
  'lp',
  'news',
  'newsroom',
  'press',
  'resources',
  'shop',
  'status',
  'store',
  'support',
  'trust',
  'university',
]);

/**
 * True when a sub-domain of `domain` is vendor content (any of its labels left of the domain is a content
 * label): `blog.hootsuite.com`, `help.eu.tool.com`. `host` must end with `.` + `domain`.
 */
export function isContentHost(host: string, domain: string): boolean {
  const end = host.length - domain.length - 1;
  let start = 0;
  while (start < end) {
    let dot = host.indexOf('.', start);
    if (dot === -1 || dot > end) dot = end;
    if (CONTENT_LABELS.has(host.slice(start, dot))) return true;
    start = dot + 1;
  }
  return false;
}

/** A vendor domain whose sub-domains fall back to a tool, or why a candidate does not. */
export interface VendorDomainDecision {
  domain: string;
  tool: CatalogTool;
  /** null: the fallback applies. */
  excluded: null | 'shared' | 'several-tools' | 'opt-out' | 'wildcard';
}

/**
 * Every catalog host that is a registrable domain, with the decision for its sub-domains.
 * `vendorDomains(tools)` keeps only those that fall back.
 */
export function vendorDomainDecisions(tools: readonly CatalogTool[]): VendorDomainDecision[] {
  const toolsOnDomain = new Map<string, Set<string>>();
  const wildcards = new Set<string>();
  /** A tool on the domain; a path on the apex itself (`figma.com/board`) says nothing about its sub-domains. */
  const note = (hostText: string, id: string, isPath = false): void => {
    const host = hostText.startsWith('*.') ? hostText.slice(2) : hostText;
    const domain = registrableDomain(host);
    if (domain === null || (isPath && hostText === domain)) return;
    let ids = toolsOnDomain.get(domain);
    if (!ids) {
      ids = new Set();
      toolsOnDomain.set(domain, ids);
    }
    ids.add(id);
  };
  for (const t of tools) {
    for (const h of t.hosts ?? []) note(h, t.id);
    for (const w of t.wildcards ?? []) {
      note(w, t.id);
      wildcards.add(w.slice(2));
    }
    for (const p of t.paths ?? []) if (!p.startsWith('/')) note(splitHostPath(p).host, t.id, true);
    for (const a of t.areas ?? [])
      for (const p of a.paths) if (!p.startsWith('/')) note(splitHostPath(p).host, t.id, true);
  }
  const out: VendorDomainDecision[] = [];
  for (const t of tools) {
    for (const host of t.hosts ?? []) {
      if (registrableDomain(host) !== host) continue;
      let excluded: VendorDomainDecision['excluded'] = null;
      if (isSharedDomain(host)) excluded = 'shared';
      else if ((toolsOnDomain.get(host)?.size ?? 0) > 1) excluded = 'several-tools';
      else if (t.subdomains === false) excluded = 'opt-out';
      else if (wildcards.has(host)) excluded = 'wildcard';
      out.push({ domain: host, tool: t, excluded });
    }
  }
  return out;
}

/** `vendorDomains` per tool list: the catalog compile and the call-host list share one computation. */
const vendorDomainsOf = new WeakMap<readonly CatalogTool[], Map<string, CatalogTool>>();

/**
 * Registrable domains whose sub-domains fall back to a catalog tool: domain → tool. Computed once per
 * tool list (the list is read-only; the map must not be changed by callers).
 */
export function vendorDomains(tools: readonly CatalogTool[]): Map<string, CatalogTool> {
  let map = vendorDomainsOf.get(tools);
  if (map === undefined) {
    map = new Map<string, CatalogTool>();
    for (const d of vendorDomainDecisions(tools)) if (d.excluded === null) map.set(d.domain, d.tool);
    vendorDomainsOf.set(tools, map);
  }
  return map;
}
