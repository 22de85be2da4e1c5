// The sub-domain fallback: a catalog host that is a vendor's registrable domain also matches its
// sub-domains, at the lowest catalog specificity, except on shared domains and vendor content hosts.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CATALOG, classifyUrl, createClassifier, isMeetingHost } from '@/lib/classify';
import { compileCatalog } from '@/lib/classify/compile-catalog';
import { findMatches } from '@/lib/classify/match';
import { tool, type CatalogTool } from '@/lib/classify/catalog/types';
import {
  CONTENT_LABELS,
  SHARED_DOMAINS,
  isContentHost,
  isSharedDomain,
  registrableDomain,
  vendorDomainDecisions,
  vendorDomains,
} from '@/lib/classify/vendor-domains';

const classifier = createClassifier([]);

describe('registrableDomain', () => {
  it.each([
    ['app.hootsuite.com', 'hootsuite.com'],
    ['hootsuite.com', 'hootsuite.com'],
    ['eu.app.tool.io', 'tool.io'],
    ['news.bbc.co.uk', 'bbc.co.uk'],
    ['bbc.co.uk', 'bbc.co.uk'],
    ['shop.example.com.au', 'example.com.au'],
    ['www.metoffice.gov.uk', 'metoffice.gov.uk'],
    ['teams.cloud.microsoft', 'cloud.microsoft'],
    ['labs.google', 'labs.google'],
  ])('%s → %s', (host, domain) => {
    expect(registrableDomain(host)).toBe(domain);
  });

  it.each(['com', 'co.uk', 'com.au', '', '127.0.0.1', '[::1]'])('%j has none', (host) => {
    expect(registrableDomain(host)).toBeNull();
  });
});

describe('the fallback in the shipped catalog', () => {
  it.each([
    [
      'https://app.hootsuite.com/dashboard',
      'Hootsuite',
      'project',
      'catalog: Hootsuite (hootsuite.com and sub-domains)',
    ],
    ['https://app.buffer.com/', 'Buffer', 'project', 'catalog: Buffer (buffer.com and sub-domains)'],
    ['https://eu.canva.com/design/DAF123/edit', 'Canva', 'design', 'catalog: Canva (canva.com and sub-domains)'],
    ['https://login.calendly.com/', 'Calendly', 'meetings', 'catalog: Calendly (calendly.com and sub-domains)'],
    ['https://us2.ahrefs.com/dashboard', 'Ahrefs', 'research', 'catalog: Ahrefs (ahrefs.com and sub-domains)'],
    ['https://acme.cal.com/demo', 'Cal.com', 'meetings', 'catalog: Cal.com (cal.com and sub-domains)'],
    ['https://a.b.c.trello.com/', 'Trello', 'project', 'catalog: Trello (trello.com and sub-domains)'],
    ['https://de.statista.com/statistik/', 'Statista', 'research', 'catalog: Statista (statista.com and sub-domains)'],
    [
      'https://cooking.nytimes.com/',
      'The New York Times',
      'personal',
      'catalog: The New York Times (nytimes.com and sub-domains)',
    ],
  ])('%s → %s / %s by %s', (url, toolName, kind, rule) => {
    const r = classifyUrl(url, classifier);
    expect(r).toMatchObject({ tool: toolName, kind, rule });
  });

  it('a tool’s areas extend to its sub-domains too, still below everything else', () => {
    const r = classifier.explain('eu.klaviyo.com', '/dashboard');
    expect(r.result).toMatchObject({
      tool: 'Klaviyo',
      kind: 'reporting',
      rule: 'catalog: Klaviyo (klaviyo.com/dashboard and sub-domains)',
    });
    expect(r.matches.map((m) => m.rule)).toEqual([
      'catalog: Klaviyo (klaviyo.com/dashboard and sub-domains)',
      'catalog: Klaviyo (klaviyo.com and sub-domains)',
    ]);
    expect(classifier.classify('respond.surveymonkey.com', '/r/abc').kind).toBe('admin');
  });

  it('never reaches the apex itself (the exact host does) nor look-alike domains', () => {
    expect(classifier.explain('hootsuite.com', '').matches.map((m) => m.rule)).toEqual([
      'catalog: Hootsuite (hootsuite.com)',
    ]);
    expect(classifier.classify('nothootsuite.com', '').class).toBe('unclassified');
    expect(classifier.classify('hootsuite.com.evil.example', '').class).toBe('unclassified');
    expect(classifier.classify('app-hootsuite.com', '').class).toBe('unclassified');
  });

  it('explain lists the fallback last, below an exact host, a wildcard and an any-host path', () => {
    // publish.buffer.com is an exact host of Buffer: it wins over buffer.com's fallback.
    expect(classifier.explain('publish.buffer.com', '').matches.map((m) => [m.rule, m.winner])).toEqual([
      ['catalog: Buffer (publish.buffer.com)', true],
      ['catalog: Buffer (buffer.com and sub-domains)', false],
    ]);
    // /wp-admin on any host beats the fallback.
    const wp = classifier.explain('blog.canva.com', '/wp-admin');
    expect(wp.result.tool).toBe('WordPress');
    // …and a content host does not fall back, so only the any-host path matched.
    expect(wp.matches.map((m) => m.rule)).toEqual(['catalog: WordPress (/wp-admin on any site)']);
    const shop = classifier.explain('shop.canva.com', '/wp-admin');
    expect(shop.matches.map((m) => m.rule)).toEqual(['catalog: WordPress (/wp-admin on any site)']);
    const wp2 = classifier.explain('print.canva.com', '/wp-admin');
    expect(wp2.matches.map((m) => [m.rule, m.winner])).toEqual([
      ['catalog: WordPress (/wp-admin on any site)', true],
      ['catalog: Canva (canva.com and sub-domains)', false],
    ]);
  });

  it('the person’s rules beat it, and a rule without a tool keeps the fallback’s tool', () => {
    const c = createClassifier([
      {
        order: 0,
        match: { type: 'wildcard', pattern: '*.hootsuite.com' },
        class: 'creative',
        kind: 'writing',
        createdAt: 0,
      },
    ]);
    const r = c.classify('app.hootsuite.com', '/composer');
    expect(r).toMatchObject({
      class: 'creative',
      kind: 'writing',
      tool: 'Hootsuite',
      toolId: 'hootsuite',
      origin: 'user',
    });
    const e = c.explain('app.hootsuite.com', '/composer');
    expect(e.matches.map((m) => [m.origin, m.winner])).toEqual([
      ['user', true],
      ['catalog', false],
    ]);
  });
});

describe('where the fallback does not apply', () => {
  it('vendor content sub-domains (blog, help, docs, status…) stay unclassified', () => {
    for (const host of [
      'blog.hootsuite.com',
      'help.calendly.com',
      'docs.github.com',
      'status.asana.com',
      'support.eu.canva.com',
      'academy.zoom.com',
    ]) {
      expect(classifier.classify(host, '/x').class, host).toBe('unclassified');
    }
    expect(isContentHost('help.eu.canva.com', 'canva.com')).toBe(true);
    expect(isContentHost('app.canva.com', 'canva.com')).toBe(false);
    expect(isContentHost('helpful.canva.com', 'canva.com')).toBe(false);
    expect(CONTENT_LABELS.has('app')).toBe(false);
  });

  it.each([
    ['news.google.com', 'Google News'],
    ['maps.google.com', 'Google Maps'],
    ['store.google.com', 'store.google.com'],
    ['sellercentral.amazon.com', 'sellercentral.amazon.com'],
    ['sellercentral.amazon.co.uk', 'sellercentral.amazon.co.uk'],
    ['business.linkedin.com', 'business.linkedin.com'],
    ['learning.linkedin.com', 'learning.linkedin.com'],
    ['business.instagram.com', 'business.instagram.com'],
    ['developer.x.com', 'developer.x.com'],
    ['ads.spotify.com', 'ads.spotify.com'],
    ['jane.medium.com', 'jane.medium.com'],
    ['jane.github.io', 'jane.github.io'],
    ['random-blog.wordpress.com', 'random-blog.wordpress.com'],
    ['jane.carrd.co', 'jane.carrd.co'],
    ['beta.icloud.com', 'beta.icloud.com'],
    ['support.microsoft.com', 'support.microsoft.com'],
    ['trailhead.salesforce.com', 'trailhead.salesforce.com'],
    ['mail.notion.so', 'Notion Mail'],
    ['replay.dropbox.com', 'replay.dropbox.com'],
  ])('%s → %s', (host, toolName) => {
    const r = classifier.classify(host, '/some/page');
    expect(r.tool).toBe(toolName);
    expect(r.rule).not.toContain('and sub-domains');
  });

  it('no shared domain in the catalog gets a fallback; every shared entry is recognised', () => {
    const vendors = vendorDomains(CATALOG);
    for (const domain of vendors.keys()) expect(isSharedDomain(domain), domain).toBe(false);
    for (const entry of SHARED_DOMAINS.keys()) {
      const domain = entry.endsWith('.*') ? `${entry.slice(0, -2)}.co.uk` : entry;
      expect(isSharedDomain(domain), entry).toBe(true);
    }
    const decisions = vendorDomainDecisions(CATALOG);
    const why = (domain: string): string | null | undefined => decisions.find((d) => d.domain === domain)?.excluded;
    expect(why('google.com')).toBe('shared');
    expect(why('linkedin.com')).toBe('shared');
    expect(why('amazon.de')).toBe('shared');
    expect(why('dropbox.com')).toBe('several-tools');
    expect(why('notion.so')).toBe('several-tools');
    expect(why('slack.com')).toBe('wildcard');
    expect(why('hootsuite.com')).toBeNull();
    // Another tool's path on the apex itself says nothing about sub-domains.
    expect(why('figma.com')).toBeNull();
  });

  it('hosts that are themselves sub-domains never extend', () => {
    // app.asana.com is a catalog host, but x.app.asana.com only reaches Asana through asana.com.
    expect(classifier.explain('eu.app.asana.com', '').matches.map((m) => m.rule)).toEqual([
      'catalog: Asana (asana.com and sub-domains)',
    ]);
    // search.brave.com is a catalog host; talk.brave.com is another product.
    expect(classifier.classify('talk.brave.com', '').class).toBe('unclassified');
    expect(classifier.classify('x.search.brave.com', '').class).toBe('unclassified');
  });

  it('a tool can opt out; several tools on one domain or a shared domain switch it off', () => {
    const tools: CatalogTool[] = [
      tool({ id: 'solo', name: 'Solo', kind: 'design', hosts: ['solo.example'] }),
      tool({ id: 'quiet', name: 'Quiet', kind: 'design', hosts: ['quiet.example'], subdomains: false }),
      tool({ id: 'suite-a', name: 'Suite A', kind: 'writing', hosts: ['suite.example'] }),
      tool({ id: 'suite-b', name: 'Suite B', kind: 'project', hosts: ['b.suite.example'] }),
      tool({ id: 'gh', name: 'Pages', kind: 'building', hosts: ['github.io'] }),
      tool({ id: 'sub', name: 'Sub', kind: 'writing', hosts: ['app.sub.example'] }),
    ];
    expect([...vendorDomains(tools).keys()]).toEqual(['solo.example']);
    const { index, vendorDomains: compiled } = compileCatalog(tools);
    expect([...compiled.keys()]).toEqual(['solo.example']);
    const winner = (host: string): string | undefined => findMatches([index], host, '')[0]?.toolId;
    expect(winner('app.solo.example')).toBe('solo');
    expect(winner('app.quiet.example')).toBeUndefined();
    expect(winner('c.suite.example')).toBeUndefined();
    expect(winner('b.suite.example')).toBe('suite-b');
    expect(winner('jane.github.io')).toBeUndefined();
    expect(winner('x.sub.example')).toBeUndefined();
  });
});

describe('specificity and speed', () => {
  it('the fallback never beats a non-fallback catalog match (every catalog host and wildcard)', () => {
    for (const t of CATALOG) {
      for (const host of t.hosts ?? []) {
        const r = classifier.classify(host, '');
        expect(r.rule, host).not.toContain('and sub-domains');
      }
      for (const w of t.wildcards ?? []) {
        const r = classifier.classify(`tenant.${w.slice(2)}`, '');
        expect(r.rule, w).not.toContain('and sub-domains');
      }
    }
  });

  it('a fallback match only wins when it is the only kind of catalog match (random hosts and paths)', () => {
    const domains = [...vendorDomains(CATALOG).keys()];
    const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);
    fc.assert(
      fc.property(
        fc.constantFrom(...domains),
        fc.array(label, { minLength: 1, maxLength: 3 }),
        fc.constantFrom('', '/wp-admin', '/dashboard', '/r/x', '/files'),
        (domain, labels, path) => {
          const host = `${labels.join('.')}.${domain}`;
          const e = classifier.explain(host, path);
          const catalog = e.matches.filter((m) => m.origin === 'catalog');
          const firstFallback = catalog.findIndex((m) => m.rule.includes('and sub-domains'));
          if (firstFallback === -1) return;
          // Every non-fallback match sorts before every fallback match.
          expect(catalog.slice(firstFallback).every((m) => m.rule.includes('and sub-domains'))).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('isMeetingHost follows the fallback for call tools, not for content hosts', () => {
    expect(isMeetingHost('events.zoom.com')).toBe(true);
    expect(isMeetingHost('global.gotowebinar.com')).toBe(true);
    expect(isMeetingHost('help.zoom.com')).toBe(false);
    expect(isMeetingHost('blog.streamyard.com')).toBe(false);
    expect(isMeetingHost('app.hootsuite.com')).toBe(false);
  });
});
