/**
 * A small local classifier with the contract of lib/classify (host + path → Classification),
 * covering the demo hosts. Counts its calls so tests can check memoisation.
 */
import type { Classification } from '@/lib/classify/types';
import type { ClassName, KindId } from '@/lib/model';
import type { ReportClassifier } from '@/lib/report';

interface Entry {
  host: string;
  pathPrefix?: string;
  toolId: string;
  tool: string;
  class: ClassName;
  kind: KindId;
}

export const FAKE_CATALOG: readonly Entry[] = [
  {
    host: 'docs.google.com',
    pathPrefix: '/document',
    toolId: 'google-docs',
    tool: 'Google Docs',
    class: 'creative',
    kind: 'writing',
  },
  {
    host: 'docs.google.com',
    pathPrefix: '/presentation',
    toolId: 'google-slides',
    tool: 'Google Slides',
    class: 'creative',
    kind: 'design',
  },
  { host: 'figma.com', toolId: 'figma', tool: 'Figma', class: 'creative', kind: 'design' },
  { host: 'canva.com', toolId: 'canva', tool: 'Canva', class: 'creative', kind: 'design' },
  { host: 'notion.so', toolId: 'notion', tool: 'Notion', class: 'creative', kind: 'writing' },
  { host: 'webflow.com', toolId: 'webflow', tool: 'Webflow', class: 'creative', kind: 'building' },
  { host: 'chatgpt.com', toolId: 'chatgpt', tool: 'ChatGPT', class: 'creative', kind: 'ai' },
  {
    host: 'google.com',
    pathPrefix: '/search',
    toolId: 'google-search',
    tool: 'Google Search',
    class: 'creative',
    kind: 'research',
  },
  { host: 'app.slack.com', toolId: 'slack', tool: 'Slack', class: 'coordination', kind: 'messaging' },
  { host: 'mail.google.com', toolId: 'gmail', tool: 'Gmail', class: 'coordination', kind: 'messaging' },
  { host: 'app.asana.com', toolId: 'asana', tool: 'Asana', class: 'coordination', kind: 'project' },
  { host: 'acme.atlassian.net', toolId: 'jira', tool: 'Jira', class: 'coordination', kind: 'project' },
  {
    host: 'app.hubspot.com',
    pathPrefix: '/reports-dashboard',
    toolId: 'hubspot',
    tool: 'HubSpot',
    class: 'coordination',
    kind: 'reporting',
  },
  { host: 'app.hubspot.com', toolId: 'hubspot', tool: 'HubSpot', class: 'coordination', kind: 'admin' },
  { host: 'analytics.google.com', toolId: 'ga4', tool: 'Google Analytics', class: 'coordination', kind: 'reporting' },
  {
    host: 'lookerstudio.google.com',
    toolId: 'looker-studio',
    tool: 'Looker Studio',
    class: 'coordination',
    kind: 'reporting',
  },
  {
    host: 'calendar.google.com',
    toolId: 'google-calendar',
    tool: 'Google Calendar',
    class: 'coordination',
    kind: 'meetings',
  },
  { host: 'meet.google.com', toolId: 'google-meet', tool: 'Google Meet', class: 'coordination', kind: 'meetings' },
  { host: 'app.zoom.us', toolId: 'zoom', tool: 'Zoom', class: 'coordination', kind: 'meetings' },
  { host: 'youtube.com', toolId: 'youtube', tool: 'YouTube', class: 'neutral', kind: 'personal' },
  { host: 'bbc.com', toolId: 'bbc', tool: 'BBC', class: 'neutral', kind: 'personal' },
  { host: 'amazon.com', toolId: 'amazon', tool: 'Amazon', class: 'neutral', kind: 'personal' },
  // Short test hosts.
  { host: 'a.test', toolId: 'a', tool: 'A', class: 'creative', kind: 'writing' },
  { host: 'b.test', toolId: 'b', tool: 'B', class: 'coordination', kind: 'messaging' },
  { host: 'c.test', toolId: 'c', tool: 'C', class: 'coordination', kind: 'project' },
  { host: 'd.test', toolId: 'd', tool: 'D', class: 'creative', kind: 'design' },
  { host: 'n.test', toolId: 'n', tool: 'N', class: 'neutral', kind: 'personal' },
  { host: 'meet.test', toolId: 'meet', tool: 'Meet', class: 'coordination', kind: 'meetings' },
];

export function fakeClassify(host: string, path: string): Classification {
  for (const e of FAKE_CATALOG) {
    if (e.host !== host) continue;
    if (e.pathPrefix && !path.startsWith(e.pathPrefix)) continue;
    return {
      toolId: e.toolId,
      tool: e.tool,
      class: e.class,
      kind: e.kind,
      rule: `catalog: ${e.tool}`,
      origin: 'catalog',
    };
  }
  return { toolId: `host:${host}`, tool: host, class: 'unclassified', kind: 'unknown', rule: 'none', origin: 'none' };
}

/** A counting classifier; `calls` lists every (host, path, at) it was asked. */
export function countingClassifier(
  base: (host: string, path: string, at?: number) => Classification = fakeClassify,
  timeBoundaries?: readonly number[],
): ReportClassifier & { calls: Array<[string, string, number | undefined]> } {
  const calls: Array<[string, string, number | undefined]> = [];
  const c: ReportClassifier & { calls: typeof calls } = {
    calls,
    classify: (host, path, at) => {
      calls.push([host, path, at]);
      return base(host, path, at);
    },
  };
  if (timeBoundaries) c.timeBoundaries = timeBoundaries;
  return c;
}
