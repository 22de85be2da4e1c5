// @vitest-environment happy-dom
// Guesses in the UI (issue #14): the headline's basis, the one-click confirm rule, the popup and the list.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UnclassifiedList } from '@/components/UnclassifiedList';
import { Headline } from '@/components/Headline';
import type { Classification } from '@/lib/classify/types';
import type { GuessedRow } from '@/lib/report';
import { formatPercent } from '@/lib/report/format';
import { confirmRule, guessSentence } from '@/lib/ui/guess';
import { basisView, headlineView } from '@/lib/ui/headline';
import { siteView } from '@/lib/ui/popup';

afterEach(cleanup);

const pct = (v: number | null) => (v === null ? '–' : formatPercent(v, 'en-US'));
const H = 3_600_000;
const pathGuess = {
  reason: 'guessed from the address: /tasks looks like project management',
  signal: { type: 'path' as const, prefix: '/tasks', word: 'tasks' },
};
const hostGuess = {
  reason: 'guessed from the address: meet. looks like meetings & calendar',
  signal: { type: 'host' as const, label: 'meet' },
};

describe('basisView: how firm the week is', () => {
  it('says how much of the tracked time is firm, guessed and not classified yet', () => {
    expect(basisView({ trackedMs: 100 * H, guessedMs: 7 * H, unclassifiedMs: 5 * H }, pct)).toEqual({
      firmPct: 88,
      text: 'Based on 88% of your tracked time',
      detail: '7% is guessed from the address and 5% is not classified yet.',
    });
    expect(basisView({ trackedMs: 10 * H, guessedMs: 0, unclassifiedMs: 0 }, pct)).toMatchObject({
      firmPct: 100,
      text: 'Based on all of your tracked time',
      detail: '',
    });
    expect(basisView({ trackedMs: 0, guessedMs: 0, unclassifiedMs: 0 }, pct)).toBeNull();
  });

  it('never rounds a week with a little guessed time up to 100 % firm', () => {
    const b = basisView({ trackedMs: 1000 * H, guessedMs: 2 * H, unclassifiedMs: 0 }, pct)!;
    expect(b.firmPct).toBe(99);
    expect(b.detail).toBe('Under 1% is guessed from the address.');
  });

  it('the headline shows it', () => {
    const view = headlineView(
      {
        share: 0.4,
        lastWeekShare: null,
        vsLastWeekPts: null,
        previousAverage: null,
        averageWeeks: 0,
        vsAveragePts: null,
      },
      0.5,
      { share: pct, points: pct },
      true,
    );
    render(
      <Headline
        view={view}
        totals={{ creative: 4 * H, coordination: 6 * H, neutral: 0, unclassified: H }}
        goodDay={0.5}
        typical={0.25}
        target={0.5}
        formatShare={(v) => pct(v)}
        formatHours={(ms) => `${ms / H} h`}
        isCurrentWeek
        countOnlyInside={false}
        basis={basisView({ trackedMs: 11 * H, guessedMs: 2 * H, unclassifiedMs: H }, pct)}
      />,
    );
    expect(screen.getByTestId('headline-basis').textContent).toBe(
      'Based on 72% of your tracked time. 18% is guessed from the address and 9% is not classified yet.',
    );
  });
});

describe('confirming a guess', () => {
  it('a path guess becomes a host + path rule, a sub-domain guess a host rule, with the guessed class and kind', () => {
    expect(confirmRule('work.acme.io', pathGuess, 'coordination', 'project')).toEqual({
      match: { type: 'path', host: 'work.acme.io', pathPrefix: '/tasks' },
      cls: 'coordination',
      kind: 'project',
      scope: 'work.acme.io/tasks',
    });
    expect(confirmRule('meet.acme.io', hostGuess, 'coordination', 'meetings').match).toEqual({
      type: 'host',
      host: 'meet.acme.io',
    });
    expect(guessSentence(pathGuess)).toBe('Guessed from the address: /tasks looks like project management.');
  });

  it('the popup says it is a guess and why', () => {
    const c: Classification = {
      toolId: 'host:work.acme.io',
      tool: 'work.acme.io',
      class: 'coordination',
      kind: 'project',
      rule: pathGuess.reason,
      origin: 'guess',
      guess: pathGuess,
    };
    const v = siteView({ host: 'work.acme.io', path: '/tasks' }, c);
    expect(v).toMatchObject({
      guessed: true,
      unknown: false,
      byUser: false,
      decidedBy: 'Guessed from the address: /tasks looks like project management',
    });
  });
});

describe('UnclassifiedList with guesses', () => {
  const guessed: GuessedRow[] = [
    { host: 'work.acme.io', path: '/tasks', ms: 2 * H, class: 'coordination', kind: 'project', guess: pathGuess },
  ];

  it('lists guessed sites among unclassified ones by time, marks the guess and offers it as the first answer', () => {
    const onConfirm = vi.fn();
    const onClassify = vi.fn();
    const { container } = render(
      <UnclassifiedList
        rows={[{ host: 'odd.example', ms: 3 * H }]}
        guessed={guessed}
        formatDuration={(ms) => `${ms / H} h`}
        onClassify={onClassify}
        onConfirm={onConfirm}
        last={null}
        error={null}
        busy={false}
        rulesHref="#"
      />,
    );
    const items = [...container.querySelectorAll('[data-testid="unclassified-list"] > li')];
    expect(items.map((li) => li.getAttribute('data-host'))).toEqual(['odd.example', 'work.acme.io']);
    const g = items[1]!;
    expect(g.querySelector('.badge[data-guess="true"]')?.textContent).toContain('Guess');
    expect(g.textContent).toContain('Guessed from the address: /tasks looks like project management.');
    const buttons = [...g.querySelectorAll('button')];
    expect(buttons[0]!.textContent).toBe('✓ Yes, project management');
    fireEvent.click(buttons[0]!);
    expect(onConfirm).toHaveBeenCalledWith(guessed[0]);
    fireEvent.click(screen.getByRole('button', { name: /Creative: count work\.acme\.io/ }));
    expect(onClassify).toHaveBeenCalledWith('work.acme.io', 'creative');
    expect(screen.getByRole('heading', { name: 'Not classified yet, or guessed' })).toBeTruthy();
  });
});
