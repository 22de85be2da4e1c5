// Guesses from the address (issue #14): the lowest layer of the classifier.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyUrl, createClassifier } from '@/lib/classify';
import { guessFromAddress, refineDefault, subdomainLabels } from '@/lib/classify/guess';
import { toPageRef } from '@/lib/url/normalize';

/** Guess for a raw URL, reduced exactly as the tracker stores it. */
function guessUrl(url: string) {
  const ref = toPageRef(url)!;
  return guessFromAddress(ref.host, ref.path);
}

describe('guessFromAddress: signals of a kind of work on the stored key', () => {
  it.each([
    ['https://meet.partner.example/WeeklySync', 'coordination', 'meetings', 'meet.'],
    ['https://www.example.org/meeting/123456', 'coordination', 'meetings', '/meeting'],
    ['https://calendar.example.io/', 'coordination', 'meetings', 'calendar.'],
    ['https://intranet.example.de/calendar/week', 'coordination', 'meetings', '/calendar'],
    ['https://chat.example.com/channel/general', 'coordination', 'messaging', '/channel'],
    ['https://example.com/messages/inbox', 'coordination', 'messaging', '/messages/inbox'],
    ['https://webmail.example.es/', 'coordination', 'messaging', 'webmail.'],
    ['https://tool.example.io/tasks/my', 'coordination', 'project', '/tasks'],
    ['https://example.com/projects/website/issues', 'coordination', 'project', '/projects/*/issues'],
    ['https://pm.example.com/', 'coordination', 'project', 'pm.'],
    ['https://example.com/projects/site/reports', 'coordination', 'reporting', '/projects/*/reports'],
    ['https://analytics.example.com/index.php', 'coordination', 'reporting', 'analytics.'],
    ['https://example.com/editor', 'creative', 'writing', '/editor'],
    ['https://app.example.com/posts/123/edit', 'creative', 'writing', '/posts/*/edit'],
    ['https://app.example.com/pages/123/edit', 'creative', 'building', '/pages/*/edit'],
    ['https://app.example.com/reports/123/edit', 'coordination', 'reporting', '/reports/*/edit'],
    ['https://mail.example.com/compose', 'coordination', 'messaging', '/compose'],
    ['https://example.com/mail/drafts', 'coordination', 'messaging', '/mail/drafts'],
    ['https://www.example.de/typo3/module/web', 'creative', 'building', '/typo3'],
    ['https://www.example.mx/node/add/article', 'creative', 'building', '/node/add (Drupal)'],
    ['https://www.example.org/node/123/edit', 'creative', 'building', '/node/*/edit (Drupal)'],
    ['https://shop.example.de/admin/orders', 'coordination', 'admin', '/admin/orders'],
    ['https://shop.example.de/admin/products/12/edit', 'creative', 'building', '/admin/products/*/edit'],
    ['https://shop.example.de/admin/analytics', 'coordination', 'reporting', '/admin/analytics'],
    ['https://app.example.com/copilot/chat', 'creative', 'ai', '/copilot'],
    ['https://sso.example.com/adfs/ls', 'coordination', 'admin', 'sso.'],
  ])('%s → %s / %s (%s)', (url, cls, kind, said) => {
    const g = guessUrl(url);
    expect(g).not.toBeNull();
    expect({ class: g!.class, kind: g!.kind }).toEqual({ class: cls, kind });
    expect(g!.reason).toBe(`guessed from the address: ${said} looks like ${g!.reason.split(' looks like ')[1]}`);
    expect(g!.reason).toMatch(/^guessed from the address: .+ looks like [a-z]/);
  });

  it.each([
    // ambiguous words alone never decide
    'https://www.example.com/app',
    'https://www.example.com/home',
    'https://www.example.com/dashboard',
    'https://app.example.com/admin',
    'https://app.example.com/settings/account',
    'https://www.example.com/',
    // weak words alone never decide
    'https://www.example.com/join',
    'https://www.example.com/drafts',
    'https://www.example.com/events',
    'https://www.example.com/board', // the board of directors, not a task board
    'https://www.analyst-firm.example/report/the-b2b-marketing-budget', // reading a published report is research
    'https://wiki.example.com/',
    // vendor content and marketing pages are not the product
    'https://help.example.com/calendar',
    'https://docs.example.com/reports/overview',
    'https://blog.example.com/tasks',
    'https://www.example.com/features/analytics',
    'https://www.example.com/pricing',
    'https://www.example.com/blog/how-we-run-sprints',
    'https://www.example.com/webinars/2025',
    // titles and ids are masked in the stored key, so they never speak
    'https://www.example.com/2024/05/my-calendar-tips-for-teams',
  ])('%s → no guess', (url) => {
    expect(guessUrl(url)).toBeNull();
  });

  it('a weak word counts when another signal agrees', () => {
    expect(guessUrl('https://www.example.com/join')).toBeNull();
    expect(guessUrl('https://video.example.com/join')?.kind).toBe('meetings');
  });

  it('reads sub-domain labels left of the registrable domain only', () => {
    expect(subdomainLabels('meet.eu.example.co.uk')).toEqual(['meet', 'eu']);
    expect(subdomainLabels('example.com')).toEqual([]);
    expect(guessFromAddress('calendar.com', '')).toBeNull();
  });

  it('never throws and returns a valid kind of its class for any stored key (property)', () => {
    const word = fc.constantFrom(
      'tasks',
      'app',
      'admin',
      'edit',
      'mail',
      'compose',
      'orders',
      '*',
      'node',
      'add',
      'reports',
      'meet',
      'posts',
      'chat',
      'ai',
      'blog',
      'x',
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 6 }), fc.array(word, { maxLength: 3 }), (segs, labels) => {
        const host = [...labels.filter((l) => l !== '*'), 'example', 'com'].join('.');
        const g = guessFromAddress(host, segs.length ? `/${segs.join('/')}` : '');
        if (g) {
          expect(['creative', 'coordination']).toContain(g.class);
          expect(g.reason.startsWith('guessed from the address: ')).toBe(true);
          if (g.signal.type === 'path') expect(`/${segs.join('/')}`.startsWith(g.signal.prefix)).toBe(true);
        }
      }),
    );
  });
});

describe('refineDefault: a path of the other class beats a tool default', () => {
  it('statistics on a creative tool are reporting', () => {
    expect(
      refineDefault({ class: 'creative', kind: 'design', prefixSegments: 0 }, 'video.example.com', '/stats')?.kind,
    ).toBe('reporting');
    expect(
      refineDefault({ class: 'creative', kind: 'writing', prefixSegments: 1 }, 'x.example.com', '/publish/stats')?.kind,
    ).toBe('reporting');
  });
  it('never for research tools, AI, or a catalog path as deep as the signal', () => {
    expect(
      refineDefault({ class: 'creative', kind: 'research', prefixSegments: 0 }, 'seo.example.com', '/analytics'),
    ).toBeNull();
    expect(
      refineDefault({ class: 'creative', kind: 'ai', prefixSegments: 0 }, 'ai.example.com', '/insights'),
    ).toBeNull();
    expect(
      refineDefault({ class: 'creative', kind: 'design', prefixSegments: 1 }, 'video.example.com', '/stats'),
    ).toBeNull();
  });
  it('a post or campaign editor on an e-mail or admin tool is writing; a mail draft is not', () => {
    expect(
      refineDefault(
        { class: 'coordination', kind: 'admin', prefixSegments: 0 },
        'app.mail.example',
        '/campaigns/*/edit',
      )?.kind,
    ).toBe('writing');
    expect(
      refineDefault(
        { class: 'coordination', kind: 'messaging', prefixSegments: 0 },
        'mail.example.com',
        '/mail/drafts',
      ),
    ).toBeNull();
    expect(
      refineDefault(
        { class: 'coordination', kind: 'project', prefixSegments: 0 },
        'social.example.com',
        '/posts/*/edit',
      ),
    ).toBeNull();
    expect(
      refineDefault(
        { class: 'coordination', kind: 'meetings', prefixSegments: 0 },
        'meet.example.com',
        '/posts/*/edit',
      ),
    ).toBeNull();
  });
});

describe('the classifier: guesses are the lowest layer', () => {
  const catalog = createClassifier([]);

  it('an unknown site gets the guess, with origin "guess", the reason as its rule and the host as its tool', () => {
    const r = catalog.classify('tasks.acme-media.com', '');
    expect(r).toMatchObject({
      class: 'coordination',
      kind: 'project',
      origin: 'guess',
      tool: 'tasks.acme-media.com',
      toolId: 'host:tasks.acme-media.com',
    });
    expect(r.rule).toBe('guessed from the address: tasks. looks like project management');
    expect(r.guess?.signal).toEqual({ type: 'host', label: 'tasks' });
  });

  it('a catalog entry wins over the address (a Google Doc about tasks is still writing)', () => {
    expect(classifyUrl('https://docs.google.com/document/d/abc/edit', catalog)).toMatchObject({
      class: 'creative',
      kind: 'writing',
    });
    expect(catalog.classify('app.asana.com', '/0/inbox').origin).toBe('catalog');
    expect(catalog.classify('calendly.com', '/app/scheduled_events').origin).toBe('catalog');
  });

  it('path beats the tool default, keeping the tool: Vimeo statistics, a Kit campaign being edited', () => {
    expect(classifyUrl('https://vimeo.com/stats', catalog)).toMatchObject({
      tool: 'Vimeo',
      class: 'coordination',
      kind: 'reporting',
    });
    expect(classifyUrl('https://app.kit.com/campaigns/123/edit', catalog)).toMatchObject({
      tool: 'Kit',
      class: 'creative',
      kind: 'writing',
    });
  });

  it("a person's rule always wins over a guess, including on a refined catalog default", () => {
    const c = createClassifier([
      { id: 1, order: 0, match: { type: 'host', host: 'tasks.acme-media.com' }, class: 'neutral', createdAt: 0 },
      { id: 2, order: 1, match: { type: 'host', host: 'vimeo.com' }, class: 'creative', kind: 'design', createdAt: 0 },
    ]);
    expect(c.classify('tasks.acme-media.com', '/tasks')).toMatchObject({ class: 'neutral', origin: 'user' });
    expect(c.classify('vimeo.com', '/stats')).toMatchObject({ class: 'creative', kind: 'design', origin: 'user' });
  });

  it('a rule that starts later leaves the guess in force before it ("only from")', () => {
    const c = createClassifier([
      {
        id: 1,
        order: 0,
        match: { type: 'host', host: 'tasks.acme-media.com' },
        class: 'creative',
        fromTime: 1_000,
        createdAt: 0,
      },
    ]);
    expect(c.classify('tasks.acme-media.com', '', 500).origin).toBe('guess');
    expect(c.classify('tasks.acme-media.com', '', 1_500).origin).toBe('user');
  });

  it('any host rule of the person beats any guess (property)', () => {
    const label = fc.constantFrom('meet', 'chat', 'tasks', 'analytics', 'mail', 'cal', 'jira', 'pm', 'x', 'app');
    const seg = fc.constantFrom(
      'tasks',
      'reports',
      'calendar',
      'inbox',
      'editor',
      'admin',
      'orders',
      'posts',
      'edit',
      '*',
    );
    fc.assert(
      fc.property(
        label,
        fc.array(seg, { maxLength: 4 }),
        fc.constantFrom('creative', 'coordination', 'neutral') as fc.Arbitrary<'creative' | 'coordination' | 'neutral'>,
        (l, segs, cls) => {
          const host = `${l}.longtail-example.com`;
          const c = createClassifier([{ id: 1, order: 0, match: { type: 'host', host }, class: cls, createdAt: 0 }]);
          const r = c.classify(host, segs.length ? `/${segs.join('/')}` : '');
          expect(r.origin).toBe('user');
          expect(r.class).toBe(cls);
        },
      ),
    );
  });
});
