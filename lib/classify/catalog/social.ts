/**
 * Social publishing and the social networks' work areas.
 *
 * Judgement calls:
 * - Publishing tools (Hootsuite, Buffer, Sprout…) are coordination / project: most of the time goes to
 *   the content calendar, queues, approvals and engagement; long posts are usually drafted elsewhere.
 * - The LinkedIn feed and profiles are neutral (scrolling is not work you can point to); LinkedIn
 *   messaging is messaging, writing an article is writing, company-page admin is admin, and
 *   Campaign Manager / Sales Navigator are their own tools (ads.ts, crm.ts).
 */
import { tool, type CatalogTool } from './types';

const NOTE = 'Publishing tools are mostly the content calendar, queues and approvals: project.';

export const SOCIAL_TOOLS: CatalogTool[] = [
  tool({ id: 'hootsuite', name: 'Hootsuite', kind: 'project', hosts: ['hootsuite.com'], note: NOTE }),
  tool({
    id: 'buffer',
    name: 'Buffer',
    kind: 'project',
    hosts: ['publish.buffer.com', 'buffer.com', 'analyze.buffer.com'],
    note: NOTE,
  }),
  tool({ id: 'sprout-social', name: 'Sprout Social', kind: 'project', hosts: ['app.sproutsocial.com'], note: NOTE }),
  tool({ id: 'later', name: 'Later', kind: 'project', hosts: ['app.later.com'], note: NOTE }),
  tool({ id: 'agorapulse', name: 'Agorapulse', kind: 'project', hosts: ['app.agorapulse.com'], note: NOTE }),
  tool({ id: 'sprinklr', name: 'Sprinklr', kind: 'project', wildcards: ['*.sprinklr.com'], note: NOTE }),
  tool({ id: 'loomly', name: 'Loomly', kind: 'project', hosts: ['app.loomly.com'], note: NOTE }),
  tool({ id: 'planable', name: 'Planable', kind: 'project', hosts: ['app.planable.io'], note: NOTE }),
  tool({ id: 'sendible', name: 'Sendible', kind: 'project', hosts: ['app.sendible.com'], note: NOTE }),
  tool({ id: 'socialbee', name: 'SocialBee', kind: 'project', hosts: ['app.socialbee.com'], note: NOTE }),
  tool({ id: 'metricool', name: 'Metricool', kind: 'project', hosts: ['app.metricool.com'], note: NOTE }),
  tool({
    id: 'meta-business-suite',
    name: 'Meta Business Suite',
    kind: 'admin',
    hosts: ['business.facebook.com'],
    areas: [
      { paths: ['/latest/insights', '/latest/ad_center'], kind: 'reporting' },
      { paths: ['/latest/inbox'], kind: 'messaging' },
      { paths: ['/latest/posts', '/latest/content_calendar', '/latest/composer', '/latest/planner'], kind: 'project' },
    ],
  }),
  tool({
    id: 'linkedin',
    name: 'LinkedIn',
    kind: 'personal',
    hosts: ['linkedin.com'],
    areas: [
      { paths: ['/messaging'], kind: 'messaging' },
      { paths: ['/article/new', '/article/edit', '/post/new'], kind: 'writing' },
      { paths: ['/company/*/admin', '/showcase/*/admin'], kind: 'admin' },
      { paths: ['/talent'], kind: 'admin' },
      { paths: ['/analytics'], kind: 'reporting' },
      { paths: ['/ad-library'], kind: 'research' },
    ],
    note: 'The feed and profiles are neutral; messaging, article writing and company-page admin are work.',
  }),
];
