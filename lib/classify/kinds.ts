/**
 * The classes and kinds: display names, descriptions and colours, the single source for every view.
 *
 * Colours: creative kinds are warm (reds, oranges, ochre, magenta), coordination kinds are cool
 * (blues, teal, violet, slate), neutral and unclassified are greys. Each palette was tuned so that
 * every pair of kinds stays at least ΔE 15 (CIELAB) apart under simulated protanopia, deuteranopia
 * and tritanopia as well as normal vision, and every colour has at least 3:1 contrast against the
 * theme background (white for `color`, #111827 for `colorDark`). tests/classify/kinds.test.ts checks it.
 */
import type { ClassName, KindId } from '@/lib/model';

export interface KindMeta {
  id: KindId;
  /** Display name, e.g. "Meetings & calendar". */
  name: string;
  class: ClassName;
  /** Colour on the light theme (hex). */
  color: string;
  /** Colour on the dark theme (hex). */
  colorDark: string;
  /** One sentence for legends and the rule editor. */
  description: string;
}

export interface ClassMeta {
  id: ClassName;
  name: string;
  color: string;
  colorDark: string;
  description: string;
}

export const CLASS_META: Readonly<Record<ClassName, ClassMeta>> = {
  creative: {
    id: 'creative',
    name: 'Creative',
    color: '#C2410C',
    colorDark: '#FB923C',
    description: 'Making things: writing, design, research, building pages, drafting with AI.',
  },
  coordination: {
    id: 'coordination',
    name: 'Coordination',
    color: '#1D4ED8',
    colorDark: '#60A5FA',
    description: 'Keeping work moving: meetings, chat and email, project tools, reports, admin.',
  },
  neutral: {
    id: 'neutral',
    name: 'Not work',
    color: '#9CA3AF',
    colorDark: '#6B7280',
    description: 'Personal browsing. Never counted in the creative share.',
  },
  unclassified: {
    id: 'unclassified',
    name: 'Unclassified',
    color: '#D1D5DB',
    colorDark: '#374151',
    description: 'Sites Creative Ratio does not know yet. Add a rule to count them.',
  },
};

export const KINDS: Readonly<Record<KindId, KindMeta>> = {
  meetings: {
    id: 'meetings',
    name: 'Meetings & calendar',
    class: 'coordination',
    color: '#1E3FAD',
    colorDark: '#5489D1',
    description: 'Video calls, webinars, calendars and scheduling.',
  },
  messaging: {
    id: 'messaging',
    name: 'Chat & email',
    class: 'coordination',
    color: '#1486CA',
    colorDark: '#38BDF8',
    description: 'Team chat, email and async video messages.',
  },
  project: {
    id: 'project',
    name: 'Project management',
    class: 'coordination',
    color: '#6D28D9',
    colorDark: '#958AFF',
    description: 'Boards, tickets, plans, content calendars and prioritisation.',
  },
  reporting: {
    id: 'reporting',
    name: 'Analytics & reporting',
    class: 'coordination',
    color: '#0B736B',
    colorDark: '#44E9D3',
    description: 'Analytics, dashboards, spreadsheets and ad managers.',
  },
  admin: {
    id: 'admin',
    name: 'Admin & CRM upkeep',
    class: 'coordination',
    color: '#677996',
    colorDark: '#A4A5BE',
    description: 'CRM and marketing-automation upkeep, files, accounts, expenses and settings.',
  },
  writing: {
    id: 'writing',
    name: 'Writing',
    class: 'creative',
    color: '#A43900',
    colorDark: '#FB923C',
    description: 'Documents, notes, wikis and marketing emails.',
  },
  design: {
    id: 'design',
    name: 'Design & video',
    class: 'creative',
    color: '#C91661',
    colorDark: '#EF3B95',
    description: 'Design tools, whiteboards, slides, video and stock imagery.',
  },
  research: {
    id: 'research',
    name: 'Research & strategy',
    class: 'creative',
    color: '#B87219',
    colorDark: '#FACC15',
    description: 'Search, SEO and market research, customer insight and reading for strategy.',
  },
  building: {
    id: 'building',
    name: 'Web & landing pages',
    class: 'creative',
    color: '#7C2D12',
    colorDark: '#C03F09',
    description: 'Websites, CMS, landing pages, forms and code.',
  },
  ai: {
    id: 'ai',
    name: 'AI-assisted drafting',
    class: 'creative',
    color: '#DD1642',
    colorDark: '#F86D82',
    description: 'Chat assistants and AI writing, image and video generators.',
  },
  personal: {
    id: 'personal',
    name: 'Personal',
    class: 'neutral',
    color: '#9CA3AF',
    colorDark: '#6B7280',
    description: 'Video, music, social feeds, news and shopping.',
  },
  unknown: {
    id: 'unknown',
    name: 'Unclassified',
    class: 'unclassified',
    color: '#D1D5DB',
    colorDark: '#374151',
    description: 'Not in the catalog and no rule of yours matches.',
  },
};

export const CLASS_IDS: readonly ClassName[] = Object.freeze([
  'creative',
  'coordination',
  'neutral',
  'unclassified',
] as ClassName[]);
/** Every kind, in display order: coordination kinds, creative kinds, personal, unknown. */
export const KIND_IDS: readonly KindId[] = Object.freeze(Object.keys(KINDS) as KindId[]);

/** The kind a class falls back to when a rule sets a class but no kind (and the catalog has none of that class). */
export const DEFAULT_KIND: Readonly<Record<ClassName, KindId>> = {
  creative: 'writing',
  coordination: 'admin',
  neutral: 'personal',
  unclassified: 'unknown',
};

export function isClassName(value: unknown): value is ClassName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(CLASS_META, value);
}

export function isKindId(value: unknown): value is KindId {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(KINDS, value);
}

/** True when `kind` belongs to `cls` (e.g. `writing` belongs to `creative`). */
export function kindBelongsTo(kind: KindId, cls: ClassName): boolean {
  return KINDS[kind].class === cls;
}

/** The kinds of one class, in display order. */
export function kindsOfClass(cls: ClassName): KindMeta[] {
  return KIND_IDS.filter((id) => KINDS[id].class === cls).map((id) => KINDS[id]);
}
