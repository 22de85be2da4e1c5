/**
 * The built-in catalog: every tool Creative Ratio knows, by category. Order matters only as the last
 * tie-break between two catalog entries of equal specificity (tests/classify/catalog.test.ts checks there are none).
 *
 * The catalog is code, shipped with the extension; the person's rules are data in the `rules` table.
 * A new version can change the catalog freely: it never touches the person's rules, which still win.
 */
import type { CatalogTool } from './types';
import { MEETINGS_TOOLS } from './meetings';
import { MESSAGING_TOOLS } from './messaging';
import { PROJECT_TOOLS } from './project';
import { REPORTING_TOOLS } from './reporting';
import { CRM_TOOLS } from './crm';
import { ADS_TOOLS } from './ads';
import { SOCIAL_TOOLS } from './social';
import { WRITING_TOOLS } from './writing';
import { DESIGN_TOOLS } from './design';
import { RESEARCH_TOOLS } from './research';
import { BUILDING_TOOLS } from './building';
import { AI_TOOLS } from './ai';
import { ADMIN_TOOLS } from './admin';
import { PERSONAL_TOOLS } from './personal';
import { SUITE_TOOLS } from './suites';
import { LONG_TAIL } from './long-tail';

export type { CatalogTool, CatalogArea } from './types';

/** Catalog categories, for docs and the rule editor's browser. */
export const CATALOG_CATEGORIES: ReadonlyArray<{ id: string; name: string; tools: readonly CatalogTool[] }> = [
  { id: 'meetings', name: 'Meetings & calendars', tools: [...MEETINGS_TOOLS, ...LONG_TAIL.meetings] },
  { id: 'messaging', name: 'Chat & email', tools: [...MESSAGING_TOOLS, ...LONG_TAIL.messaging] },
  { id: 'project', name: 'Project management', tools: [...PROJECT_TOOLS, ...LONG_TAIL.project] },
  { id: 'reporting', name: 'Analytics & reporting', tools: [...REPORTING_TOOLS, ...LONG_TAIL.reporting] },
  { id: 'crm', name: 'CRM & marketing automation', tools: [...CRM_TOOLS, ...LONG_TAIL.crm] },
  { id: 'ads', name: 'Ads', tools: ADS_TOOLS },
  { id: 'social', name: 'Social publishing', tools: SOCIAL_TOOLS },
  { id: 'writing', name: 'Docs & writing', tools: [...WRITING_TOOLS, ...LONG_TAIL.writing] },
  { id: 'design', name: 'Design & video', tools: [...DESIGN_TOOLS, ...LONG_TAIL.design] },
  { id: 'research', name: 'Research & SEO', tools: [...RESEARCH_TOOLS, ...LONG_TAIL.research] },
  { id: 'building', name: 'Web & CMS', tools: [...BUILDING_TOOLS, ...LONG_TAIL.building] },
  { id: 'ai', name: 'AI assistants', tools: [...AI_TOOLS, ...LONG_TAIL.ai] },
  { id: 'admin', name: 'Storage & admin', tools: [...ADMIN_TOOLS, ...LONG_TAIL.admin] },
  { id: 'suites', name: 'Regional suites', tools: SUITE_TOOLS },
  { id: 'personal', name: 'Personal', tools: PERSONAL_TOOLS },
];

export const CATALOG: readonly CatalogTool[] = CATALOG_CATEGORIES.flatMap((c) => c.tools);
