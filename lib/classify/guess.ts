/**
 * Guesses from the address: what kind of work a page is, read from the words in its stored host and
 * path shape, for pages no catalog entry and no rule of the person's decides. The lowest layer of the
 * classifier (lib/classify/classifier.ts): it never overrides a person's rule or a catalog path entry,
 * and every answer says which word decided (`/tasks looks like project management`).
 *
 * Works on the stored key only (lib/url/normalize.ts: lower-case host, path shape with at most three
 * literal segments, ids and names as `*`), so the same answer comes out in the tracker, the reports,
 * the popup and `npm run classify`.
 *
 * How it decides, in order:
 * 1. vendor content never counts: a content sub-domain (`help.`, `blog.`, `docs.`…) or a first path
 *    segment of a marketing site (`/features`, `/pricing`, `/blog`…) gives no guess;
 * 2. the deepest decisive path word wins (`/projects/*\/reports` is reporting): nouns of a kind of
 *    work (`tasks`, `inbox`, `analytics`…), self-hosted admin paths (`/administrator`, `/typo3`,
 *    `/node/*\/edit`, `/admin/orders`), and editor words read with the noun before them
 *    (`/posts/*\/edit` is writing, `/pages/*\/edit` building, `/reports/*\/edit` reporting, `compose`
 *    under `mail` messaging);
 * 3. else a sub-domain label (`meet.`, `calendar.`, `chat.`, `analytics.`, `jira.`…), leftmost first;
 * 4. weak words (`join`, `schedule`, `drafts`, `wiki`…) decide only when a host label or another path
 *    word agrees; ambiguous words (`/app`, `/home`, `/dashboard`, `/admin`, `/settings`) never decide.
 *
 * `refineDefault` is the one place a guess may change a catalog answer: a tool's *default* (no path,
 * or a path prefix shorter than the signal) gives way to a path signal of the other class that is
 * typical across products — reporting pages on a creative tool (`/stats` on a video host), an editor
 * of posts or campaigns on an e-mail or admin tool. The tool stays the catalog's.
 */
import type { ClassName, KindId } from '@/lib/model';
import { KINDS } from './kinds';
import { CONTENT_LABELS, registrableDomain } from './vendor-domains';

/** Which part of the address decided: the host, or a path prefix of the stored shape (for a one-click rule). */
export type GuessSignal = { type: 'host'; label: string } | { type: 'path'; prefix: string; word: string };

export interface AddressGuess {
  class: ClassName;
  kind: KindId;
  /** "guessed from the address: /tasks looks like project management". */
  reason: string;
  signal: GuessSignal;
}

type Strength = 'strong' | 'weak';
interface Word {
  kind: KindId;
  strength: Strength;
}

const strong = (kind: KindId): Word => ({ kind, strength: 'strong' });
const weak = (kind: KindId): Word => ({ kind, strength: 'weak' });

function table(entries: Record<string, Word>): ReadonlyMap<string, Word> {
  return new Map(Object.entries(entries));
}

/** Path words that name a kind of work. */
export const PATH_WORDS: ReadonlyMap<string, Word> = table({
  // meetings & calendars
  meeting: strong('meetings'),
  meetings: strong('meetings'),
  meet: strong('meetings'),
  webinar: strong('meetings'),
  webinars: strong('meetings'),
  videocall: strong('meetings'),
  'video-call': strong('meetings'),
  conference: weak('meetings'),
  'meeting-room': strong('meetings'),
  meetingroom: strong('meetings'),
  huddle: strong('meetings'),
  j: weak('meetings'),
  join: weak('meetings'),
  room: weak('meetings'),
  rooms: weak('meetings'),
  call: weak('meetings'),
  calls: weak('meetings'),
  calendar: strong('meetings'),
  calendars: strong('meetings'),
  cal: weak('meetings'),
  agenda: weak('meetings'),
  schedule: weak('meetings'),
  scheduling: strong('meetings'),
  booking: weak('meetings'),
  bookings: weak('meetings'),
  appointments: strong('meetings'),
  events: weak('meetings'),
  // chat & e-mail
  chat: strong('messaging'),
  chats: strong('messaging'),
  messages: strong('messaging'),
  messaging: strong('messaging'),
  message: weak('messaging'),
  inbox: strong('messaging'),
  conversations: strong('messaging'),
  conversation: strong('messaging'),
  channels: strong('messaging'),
  channel: weak('messaging'),
  dm: strong('messaging'),
  dms: strong('messaging'),
  direct: weak('messaging'),
  threads: weak('messaging'),
  mail: strong('messaging'),
  webmail: strong('messaging'),
  mailbox: strong('messaging'),
  email: weak('messaging'),
  talk: weak('messaging'),
  im: weak('messaging'),
  'direct-messages': strong('messaging'),
  tickets: strong('messaging'),
  ticket: strong('messaging'),
  helpdesk: strong('messaging'),
  // project management
  tasks: strong('project'),
  task: strong('project'),
  todo: strong('project'),
  todos: strong('project'),
  issues: strong('project'),
  issue: strong('project'),
  boards: strong('project'),
  board: weak('project'),
  kanban: strong('project'),
  projects: strong('project'),
  project: strong('project'),
  sprints: strong('project'),
  sprint: strong('project'),
  backlog: strong('project'),
  roadmap: strong('project'),
  roadmaps: strong('project'),
  milestones: strong('project'),
  gantt: strong('project'),
  'my-tasks': strong('project'),
  mytasks: strong('project'),
  timeline: weak('project'),
  planner: strong('project'),
  workflows: weak('project'),
  approvals: strong('project'),
  proofs: strong('project'),
  review: weak('project'),
  // analytics & reporting
  analytics: strong('reporting'),
  reports: strong('reporting'),
  report: weak('reporting'),
  reporting: strong('reporting'),
  stats: strong('reporting'),
  statistics: strong('reporting'),
  insights: strong('reporting'),
  metrics: strong('reporting'),
  dashboards: strong('reporting'),
  kpi: strong('reporting'),
  kpis: strong('reporting'),
  performance: weak('reporting'),
  charts: weak('reporting'),
  audience: weak('reporting'),
  traffic: strong('reporting'),
  conversions: weak('reporting'),
  // writing
  drafts: weak('writing'),
  draft: weak('writing'),
  write: strong('writing'),
  editor: strong('writing'),
  wiki: weak('writing'),
  notes: weak('writing'),
  pad: weak('writing'),
  'new-post': strong('writing'),
  // design & video
  designs: weak('design'),
  whiteboard: strong('design'),
  whiteboards: strong('design'),
  canvas: weak('design'),
  // building
  'site-builder': strong('building'),
  sitebuilder: strong('building'),
  'page-builder': strong('building'),
  'landing-pages': strong('building'),
  'content-manager': strong('building'),
  cms: strong('building'),
  administrator: strong('building'),
  typo3: strong('building'),
  umbraco: strong('building'),
  keystone: strong('building'),
  // AI assistants
  ai: weak('ai'),
  assistant: strong('ai'),
  copilot: strong('ai'),
  'ai-assistant': strong('ai'),
  'ask-ai': strong('ai'),
  // admin
  billing: weak('admin'),
  invoices: weak('admin'),
  orders: weak('admin'),
  customers: weak('admin'),
});

/** Sub-domain labels that name a kind of work (or a self-hosted tool of that kind). */
export const HOST_WORDS: ReadonlyMap<string, Word> = table({
  meet: strong('meetings'),
  meeting: strong('meetings'),
  meetings: strong('meetings'),
  video: weak('meetings'),
  conference: strong('meetings'),
  conf: weak('meetings'),
  webinar: strong('meetings'),
  webinars: strong('meetings'),
  visio: strong('meetings'),
  vc: strong('meetings'),
  jitsi: strong('meetings'),
  bbb: strong('meetings'),
  bigbluebutton: strong('meetings'),
  calendar: strong('meetings'),
  calendars: strong('meetings'),
  cal: strong('meetings'),
  agenda: strong('meetings'),
  booking: weak('meetings'),
  schedule: weak('meetings'),
  chat: strong('messaging'),
  im: strong('messaging'),
  talk: weak('messaging'),
  messenger: strong('messaging'),
  mail: strong('messaging'),
  webmail: strong('messaging'),
  email: weak('messaging'),
  inbox: strong('messaging'),
  mattermost: strong('messaging'),
  rocketchat: strong('messaging'),
  element: weak('messaging'),
  matrix: weak('messaging'),
  jira: strong('project'),
  tasks: strong('project'),
  task: strong('project'),
  projects: strong('project'),
  project: strong('project'),
  pm: strong('project'),
  redmine: strong('project'),
  taiga: strong('project'),
  youtrack: strong('project'),
  openproject: strong('project'),
  tracker: strong('project'),
  issues: strong('project'),
  kanban: strong('project'),
  boards: strong('project'),
  board: weak('project'),
  todo: strong('project'),
  planner: strong('project'),
  analytics: strong('reporting'),
  stats: strong('reporting'),
  statistics: strong('reporting'),
  metrics: strong('reporting'),
  reports: strong('reporting'),
  reporting: strong('reporting'),
  insights: strong('reporting'),
  bi: strong('reporting'),
  matomo: strong('reporting'),
  piwik: strong('reporting'),
  plausible: strong('reporting'),
  umami: strong('reporting'),
  grafana: strong('reporting'),
  metabase: strong('reporting'),
  superset: strong('reporting'),
  redash: strong('reporting'),
  posthog: strong('reporting'),
  dashboards: strong('reporting'),
  wiki: weak('writing'),
  write: strong('writing'),
  editor: strong('writing'),
  pad: strong('writing'),
  etherpad: strong('writing'),
  hedgedoc: strong('writing'),
  outline: weak('writing'),
  notes: weak('writing'),
  whiteboard: strong('design'),
  cms: strong('building'),
  strapi: strong('building'),
  directus: strong('building'),
  builder: weak('building'),
  ai: weak('ai'),
  assistant: strong('ai'),
  copilot: strong('ai'),
  sso: strong('admin'),
  login: strong('admin'),
  auth: strong('admin'),
  idp: strong('admin'),
  intranet: weak('admin'),
});

/** Words that say nothing on their own (`/app`, `/home`, `/dashboard` are every product's start page). */
export const AMBIGUOUS_WORDS: ReadonlySet<string> = new Set([
  'app',
  'apps',
  'home',
  'dashboard',
  'admin',
  'settings',
  'account',
  'accounts',
  'overview',
  'workspace',
  'main',
  'index',
  'start',
  'console',
  'portal',
  'web',
  'client',
  'my',
  'me',
  'user',
  'manage',
  'view',
  'list',
  'all',
  'index.php',
  'index.html',
  'login',
  'signin',
  'profile',
  'new',
  'create',
  'edit',
  'compose',
  'builder',
]);

/** First path segments of a vendor's marketing or help site: reading about a product is not using it. */
export const MARKETING_WORDS: ReadonlySet<string> = new Set([
  'features',
  'feature',
  'pricing',
  'plans',
  'product',
  'products',
  'solutions',
  'solution',
  'platform',
  'why',
  'use-cases',
  'usecases',
  'integrations',
  'blog',
  'blogs',
  'help',
  'docs',
  'doc',
  'documentation',
  'support',
  'learn',
  'academy',
  'guides',
  'guide',
  'resources',
  'templates',
  'about',
  'company',
  'careers',
  'jobs',
  'press',
  'news',
  'customers',
  'customer-stories',
  'case-studies',
  'compare',
  'vs',
  'alternatives',
  'en',
  'de',
  'fr',
  'es',
  'ja',
  'jp',
  'zh',
  'pt',
  'pt-br',
  'it',
  'nl',
  'ko',
  'zh-cn',
  'zh-tw',
  'en-us',
  'en-gb',
  'download',
  'downloads',
  'tools',
  'glossary',
  'wiki',
  'articles',
  'article',
  'hc',
  'kb',
  'knowledge-base',
  'faq',
  'community',
  'forum',
  'events',
  'webinars',
  'podcast',
  'ebooks',
  'whitepapers',
  'legal',
  'privacy',
  'terms',
  'security',
  'status',
]);

/** Content labels that are often a company's own working site (its store's admin on `shop.`). */
const OWN_SITE_LABELS: ReadonlySet<string> = new Set(['shop', 'store', 'go', 'info', 'lp']);

/** Verbs of an editor: their kind comes from the noun before them. */
const EDIT_WORDS: ReadonlySet<string> = new Set([
  'edit',
  'editor',
  'compose',
  'new',
  'create',
  'write',
  'draft',
  'drafts',
  'builder',
  'design',
  'designer',
  'preview',
]);

/** Nouns that give an editor verb its kind. */
const CONTENT_NOUNS: ReadonlyMap<string, KindId> = new Map<string, KindId>([
  ...[
    'posts',
    'post',
    'articles',
    'article',
    'newsletters',
    'newsletter',
    'emails',
    'email',
    'campaigns',
    'campaign',
    'broadcasts',
    'broadcast',
    'stories',
    'story',
    'blog',
    'entries',
    'entry',
    'content',
    'messages',
    'sequences',
    'issues-newsletter',
    'letters',
    'mailings',
    'mailing',
    'drafts',
    'documents',
    'document',
    'docs',
    'notes',
    'copy',
  ].map((w) => [w, 'writing'] as [string, KindId]),
  ...[
    'pages',
    'page',
    'sites',
    'site',
    'landing',
    'landing-pages',
    'landingpages',
    'forms',
    'form',
    'themes',
    'theme',
    'templates',
    'template',
    'products',
    'product',
    'collections',
    'navigation',
    'menus',
    'popups',
    'funnels',
    'funnel',
  ].map((w) => [w, 'building'] as [string, KindId]),
  ...['designs', 'videos', 'video', 'images', 'graphics', 'assets', 'banners', 'media', 'slides', 'presentations'].map(
    (w) => [w, 'design'] as [string, KindId],
  ),
  ...['reports', 'report', 'dashboards', 'charts'].map((w) => [w, 'reporting'] as [string, KindId]),
  ...['tasks', 'task', 'issues', 'issue', 'projects', 'project', 'boards', 'board'].map(
    (w) => [w, 'project'] as [string, KindId],
  ),
  ...['events', 'meetings', 'meeting', 'webinars', 'webinar', 'bookings', 'calendar'].map(
    (w) => [w, 'meetings'] as [string, KindId],
  ),
]);

/** Path or host words that make an editor verb a message (`/mail/compose`, `mail.` + `/compose`). */
const MAIL_CONTEXT: ReadonlySet<string> = new Set([
  'mail',
  'webmail',
  'mailbox',
  'inbox',
  'messages',
  'messaging',
  'chat',
  'email',
]);

/** What the second segment after `/admin` says on a self-hosted CMS or store admin. */
const ADMIN_AREAS: ReadonlyMap<string, KindId> = new Map<string, KindId>([
  ...[
    'content',
    'pages',
    'posts',
    'entries',
    'collections',
    'structure',
    'themes',
    'theme',
    'products',
    'menus',
    'navigation',
    'content-manager',
    'blog',
    'articles',
    'media',
    'sections',
    'online-store',
    'catalog',
    'cms',
  ].map((w) => [w, 'building'] as [string, KindId]),
  ...[
    'orders',
    'customers',
    'users',
    'people',
    'members',
    'settings',
    'config',
    'billing',
    'invoices',
    'shipping',
    'payments',
    'discounts',
    'inventory',
    'apps',
    'plugins',
    'modules',
  ].map((w) => [w, 'admin'] as [string, KindId]),
  ...['analytics', 'reports', 'stats', 'statistics', 'insights', 'dashboards'].map(
    (w) => [w, 'reporting'] as [string, KindId],
  ),
]);

/** Words of a chat that belong to an AI assistant when one is named before them. */
const AI_CHAT: ReadonlySet<string> = new Set(['chat', 'chats', 'conversations', 'conversation', 'messages', 'threads']);

/** Drupal: `/node/add…`, `/node/*\/edit` (and `/user/*\/edit` is an account page, left alone). */
function drupal(segs: readonly string[], i: number): boolean {
  return segs[i] === 'node' && (segs[i + 1] === 'add' || (segs[i + 1] === '*' && segs[i + 2] === 'edit'));
}

function kindText(kind: KindId): string {
  const name = KINDS[kind].name;
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function pathGuess(segs: readonly string[], upto: number, word: string, kind: KindId, what?: string): AddressGuess {
  const prefix = `/${segs.slice(0, upto + 1).join('/')}`;
  return {
    class: KINDS[kind].class,
    kind,
    reason: `guessed from the address: ${what ?? prefix} looks like ${kindText(kind)}`,
    signal: { type: 'path', prefix, word },
  };
}

/** Sub-domain labels (left of the registrable domain), left to right. */
export function subdomainLabels(host: string): string[] {
  const domain = registrableDomain(host);
  if (domain === null || host === domain) return [];
  return host.slice(0, host.length - domain.length - 1).split('.');
}

interface PathSignal {
  index: number;
  kind: KindId;
  strength: Strength;
  word: string;
  /** Shown instead of the prefix, e.g. `/node/*\/edit (Drupal)`. */
  what?: string;
}

/** Every path signal, left to right. */
function pathSignals(segs: readonly string[], mailHost: boolean): PathSignal[] {
  const out: PathSignal[] = [];
  let lastNoun: KindId | null = null;
  let mail = mailHost;
  for (let i = 0; i < segs.length; i += 1) {
    const w = segs[i] as string;
    if (w === '*') continue;
    if (MAIL_CONTEXT.has(w)) mail = true;
    if (drupal(segs, i)) {
      out.push({
        index: Math.min(segs.length - 1, i + (segs[i + 1] === 'add' ? 1 : 2)),
        kind: 'building',
        strength: 'strong',
        word: 'node',
        what: `/node/${segs[i + 1] === 'add' ? 'add' : '*/edit'} (Drupal)`,
      });
      i += 2;
      continue;
    }
    if (w === 'admin' || w === 'wp-admin' || w === 'manage' || w === 'backoffice' || w === 'backend') {
      const next = segs[i + 1];
      const area = next !== undefined ? ADMIN_AREAS.get(next) : undefined;
      if (area !== undefined) {
        out.push({ index: i + 1, kind: area, strength: 'strong', word: next as string });
        lastNoun = area;
        i += 1;
        continue;
      }
    }
    if (EDIT_WORDS.has(w)) {
      const noun = CONTENT_NOUNS.get(w);
      if (
        mail &&
        (w === 'compose' || w === 'new' || w === 'drafts' || w === 'draft' || w === 'edit' || w === 'write')
      ) {
        out.push({ index: i, kind: 'messaging', strength: 'strong', word: w });
        continue;
      }
      if (lastNoun !== null) {
        out.push({ index: i, kind: lastNoun, strength: 'strong', word: w });
        continue;
      }
      if (noun !== undefined && w !== 'drafts' && w !== 'draft') {
        lastNoun = noun;
        continue;
      }
      const own = PATH_WORDS.get(w);
      if (own) out.push({ index: i, kind: own.kind, strength: own.strength, word: w });
      continue;
    }
    const noun = CONTENT_NOUNS.get(w);
    if (noun !== undefined) lastNoun = noun;
    if (AMBIGUOUS_WORDS.has(w)) continue;
    // An assistant's own chat (`/copilot/chat`, `/assistant/conversations`) is the assistant.
    if (AI_CHAT.has(w) && out.length > 0 && (out[out.length - 1] as PathSignal).kind === 'ai') continue;
    const word = PATH_WORDS.get(w);
    if (word) out.push({ index: i, kind: word.kind, strength: word.strength, word: w });
  }
  return out;
}

/**
 * What the address alone says, or null when it says nothing decisive. `host` is normalised and `path`
 * a stored path shape (`/projects/*\/tasks`).
 */
export function guessFromAddress(host: string, path: string): AddressGuess | null {
  const labels = subdomainLabels(host);
  if (labels.some((l) => CONTENT_LABELS.has(l) && !OWN_SITE_LABELS.has(l))) return null;
  const segs = path.split('/').filter((s) => s !== '');
  if (segs.length > 0 && MARKETING_WORDS.has(segs[0] as string)) return null;

  const hostWords: Array<{ label: string; word: Word }> = [];
  for (const label of labels) {
    const word = HOST_WORDS.get(label);
    if (word) hostWords.push({ label, word });
  }
  const mailHost = hostWords.some(
    (h) => h.word.kind === 'messaging' && (h.label === 'mail' || h.label === 'webmail' || h.label === 'inbox'),
  );
  const signals = pathSignals(segs, mailHost);

  // The deepest strong path word; a weak one counts when the host or another path word agrees.
  for (let k = signals.length - 1; k >= 0; k -= 1) {
    const s = signals[k] as PathSignal;
    const agreed =
      s.strength === 'strong' ||
      hostWords.some((h) => h.word.kind === s.kind) ||
      signals.some((o) => o !== s && o.kind === s.kind);
    if (agreed) return pathGuess(segs, s.index, s.word, s.kind, s.what);
  }
  const hostStrong = hostWords.find((h) => h.word.strength === 'strong');
  const hostAgreed = hostStrong ?? hostWords.find((h) => hostWords.some((o) => o !== h && o.word.kind === h.word.kind));
  if (hostAgreed) {
    const kind = hostAgreed.word.kind;
    return {
      class: KINDS[kind].class,
      kind,
      reason: `guessed from the address: ${hostAgreed.label}. looks like ${kindText(kind)}`,
      signal: { type: 'host', label: hostAgreed.label },
    };
  }
  return null;
}

/**
 * Creative tools whose statistics pages are reporting: video hosts and design tools, newsletter and
 * writing platforms, site builders and store admins. Not research tools (an SEO tool's `/analytics` is
 * its research) and not AI assistants.
 */
const REFINE_TO_REPORTING: ReadonlySet<KindId> = new Set<KindId>(['design', 'writing', 'building']);
/** The words of a statistics page (a content tool's `/reports` may be its content briefs, so only builders and video hosts read it). */
const STATS_WORDS: ReadonlySet<string> = new Set([
  'analytics',
  'stats',
  'statistics',
  'insights',
  'metrics',
  'traffic',
  'kpi',
  'kpis',
  'dashboards',
  'audience',
]);

/** Segments of the catalog prefix that matched (0 for a host default). */
export interface CatalogDefault {
  class: ClassName;
  kind: KindId;
  /** Segments of the matching catalog path prefix (0: the tool's default for its host). */
  prefixSegments: number;
}

/**
 * A path signal that beats a catalog tool's default: reporting pages on a creative tool, a post,
 * campaign or page editor on an e-mail or admin tool. Null otherwise (the catalog answer stands).
 */
export function refineDefault(current: CatalogDefault, host: string, path: string): AddressGuess | null {
  // Only a path word deeper than the catalog's prefix can beat it (cheap checks first: this runs on every
  // uncached catalog answer).
  if (path === '' || path.split('/').length - 1 <= current.prefixSegments) return null;
  if (current.class !== 'creative' && current.class !== 'coordination') return null;
  if (current.kind !== 'admin' && current.kind !== 'messaging' && current.class === 'coordination') return null;
  const guess = guessFromAddress(host, path);
  if (!guess || guess.signal.type !== 'path') return null;
  const depth = guess.signal.prefix.split('/').length - 1;
  if (depth <= current.prefixSegments) return null;
  if (current.class === 'creative' && guess.kind === 'reporting' && REFINE_TO_REPORTING.has(current.kind)) {
    const word = guess.signal.word;
    if (STATS_WORDS.has(word) || (current.kind !== 'writing' && (word === 'reports' || word === 'reporting')))
      return guess;
  }
  if (
    current.class === 'coordination' &&
    guess.class === 'creative' &&
    CONTENT_NOUNS.has(lastLiteralBefore(guess.signal.prefix))
  )
    return guess;
  return null;
}

/** The noun an editor verb was read with (`/campaigns/*\/edit` → `campaigns`). */
function lastLiteralBefore(prefix: string): string {
  const segs = prefix.split('/').filter((s) => s !== '' && s !== '*');
  return segs.length >= 2 ? (segs[segs.length - 2] as string) : '';
}
