// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClassifyButtons } from '@/components/ClassifyButtons';
import { CommitField } from '@/components/CommitField';
import { DataTable } from '@/components/DataTable';
import { HostListEditor } from '@/components/HostListEditor';
import { RuleForm } from '@/components/RuleForm';
import { RuleTester } from '@/components/RuleTester';
import { createClassifier, RULE_MESSAGES } from '@/lib/classify';
import { ShareScale } from '@/components/ShareScale';
import { WeekPicker } from '@/components/WeekPicker';
import { parseIdleMinutes } from '@/lib/ui/settings-form';
import { emptyDraft } from '@/lib/ui/rule-form';

afterEach(cleanup);

const pct = (v: number) => `${Math.round(v * 100)}%`;

describe('ShareScale', () => {
  it('names both survey lines and the target in words, and describes the share for screen readers', () => {
    render(<ShareScale share={0.38} goodDay={0.5} typical={0.25} target={0.6} formatShare={pct} label="This week" />);
    const scale = screen.getByTestId('share-scale');
    expect(scale.textContent).toContain('25% — the reality for 38% of surveyed marketers');
    expect(scale.textContent).toContain('50% — a good day for 42% of surveyed marketers');
    expect(scale.textContent).toContain('60% — your target');
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'This week. Creative share 38%. 25%: the reality for 38% of surveyed marketers; 50%: a good day for 42% of surveyed marketers; 60%: your target.',
    );
  });

  it('shows no dot without classified time', () => {
    const { container } = render(
      <ShareScale share={null} goodDay={0.5} typical={0.25} target={0.5} formatShare={pct} label="Today" />,
    );
    expect(container.querySelector('.ratio-you')).toBeNull();
    expect(screen.getByRole('img').getAttribute('aria-label')).toContain('No classified time yet.');
  });

  it('puts colliding labels on a second row through data attributes (ShareScale.css sizes them); inline styles are positions only', () => {
    const { container } = render(
      <ShareScale share={0.38} goodDay={0.5} typical={0.25} target={0.52} formatShare={pct} label="This week" />,
    );
    const strip = container.querySelector('.ratio-labels')!;
    expect(strip.getAttribute('data-rows')).toBe('2');
    expect([...strip.querySelectorAll('span')].map((s) => s.getAttribute('data-row'))).toContain('1');
    // Each legend line is coloured by its kind from the stylesheet, not inline.
    const kinds = [...container.querySelectorAll('.ratio-legend li[data-kind]')].map((li) =>
      li.getAttribute('data-kind'),
    );
    expect(kinds.sort()).toEqual(['good', 'target', 'typical']);
    for (const el of container.querySelectorAll('[style]'))
      expect(el.getAttribute('style')).toMatch(/^(?:(?:left|width): [\d.]+%;?\s*)+$/);
  });

  it('keeps one label row when the lines are far apart', () => {
    const { container } = render(
      <ShareScale share={0.38} goodDay={0.5} typical={0.25} target={0.8} formatShare={pct} label="This week" />,
    );
    expect(container.querySelector('.ratio-labels')!.getAttribute('data-rows')).toBe('1');
    expect(container.querySelector('.ratio-labels [data-row="1"]')).toBeNull();
  });
});

describe('CommitField', () => {
  it('shows the error beside the field and saves nothing, then saves a valid value on Enter', async () => {
    const onCommit = vi.fn();
    render(<CommitField label="Away after" value="3" parse={parseIdleMinutes} onCommit={onCommit} />);
    const input = screen.getByLabelText('Away after');
    fireEvent.change(input, { target: { value: '0.1' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      expect.stringContaining('At least 15 seconds'),
    );
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(onCommit).not.toHaveBeenCalled();
    fireEvent.change(input, { target: { value: '5' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onCommit).toHaveBeenCalledWith(300);
  });

  it('keeps showing the committed text until the saved value arrives, and a blur in that moment saves nothing else', () => {
    const onCommit = vi.fn();
    const props = { label: 'Away after', parse: parseIdleMinutes, onCommit };
    const { rerender } = render(<CommitField {...props} value="3" />);
    const input = screen.getByLabelText('Away after') as HTMLInputElement;
    fireEvent.change(input, { target: { value: '5' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onCommit).toHaveBeenCalledWith(300);
    // The save is on its way: the field does not fall back to the old "3" (a blur then saved 180 back).
    expect(input.value).toBe('5');
    fireEvent.blur(input);
    expect(onCommit).toHaveBeenCalledTimes(1);
    rerender(<CommitField {...props} value="5" />);
    expect(input.value).toBe('5');
    // A change made elsewhere afterwards shows.
    rerender(<CommitField {...props} value="7" />);
    expect(input.value).toBe('7');
    fireEvent.blur(input);
    expect(onCommit).toHaveBeenCalledTimes(1);
  });

  it('saves nothing for text that means the saved value ("3.0" for 3)', () => {
    const onCommit = vi.fn();
    render(<CommitField label="Away after" value="3" parse={parseIdleMinutes} onCommit={onCommit} />);
    const input = screen.getByLabelText('Away after') as HTMLInputElement;
    fireEvent.change(input, { target: { value: '3.0' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onCommit).not.toHaveBeenCalled();
    expect(input.value).toBe('3');
  });

  it('restores the saved value on Escape', () => {
    render(<CommitField label="Away after" value="3" parse={parseIdleMinutes} onCommit={vi.fn()} />);
    const input = screen.getByLabelText('Away after') as HTMLInputElement;
    fireEvent.change(input, { target: { value: '9' } });
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(input.value).toBe('3');
  });
});

describe('WeekPicker', () => {
  const now = new Date(2025, 2, 5, 12).getTime(); // Wed 5 Mar 2025

  it('moves to the previous week and back to this week; next is disabled in the current week', () => {
    const onChange = vi.fn();
    const { rerender } = render(
      <WeekPicker week="2025-03-03" weekStartsOn={1} now={now} locale="en-US" onChange={onChange} />,
    );
    expect((screen.getByRole('button', { name: 'Next week' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'This week' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Previous week' }));
    expect(onChange).toHaveBeenLastCalledWith('2025-02-24');
    rerender(<WeekPicker week="2025-02-24" weekStartsOn={1} now={now} locale="en-US" onChange={onChange} />);
    fireEvent.click(screen.getByRole('button', { name: 'This week' }));
    expect(onChange).toHaveBeenLastCalledWith('2025-03-03');
  });

  it('jumps to the week containing a chosen date, snapped to the week start', () => {
    const onChange = vi.fn();
    render(<WeekPicker week="2025-03-03" weekStartsOn={0} now={now} locale="en-US" onChange={onChange} />);
    fireEvent.change(screen.getByTestId('week-date'), { target: { value: '2025-01-15' } });
    expect(onChange).toHaveBeenCalledWith('2025-01-12');
  });
});

describe('RuleForm', () => {
  it('offers only the kinds of the chosen class', () => {
    render(<RuleForm title="New rule" initial={emptyDraft()} submitLabel="Add rule" onSubmit={vi.fn()} />);
    const kind = screen.getByTestId('rule-kind') as HTMLSelectElement;
    expect(kind.disabled).toBe(true);
    fireEvent.change(screen.getByTestId('rule-class'), { target: { value: 'coordination' } });
    const names = Array.from(kind.options).map((o) => o.textContent);
    expect(names).toContain('Meetings & calendar');
    expect(names).not.toContain('Writing');
  });

  it('puts the errors it gets back beside their fields', async () => {
    const onSubmit = vi.fn().mockResolvedValue({ host: 'Not a valid host name.', cls: 'Choose a class.' });
    render(<RuleForm title="New rule" initial={emptyDraft()} submitLabel="Add rule" onSubmit={onSubmit} />);
    fireEvent.change(screen.getByTestId('rule-host'), { target: { value: 'bad host' } });
    fireEvent.click(screen.getByTestId('rule-submit'));
    const alerts = await screen.findAllByRole('alert');
    expect(alerts.map((a) => a.textContent)).toEqual(['Not a valid host name.', 'Choose a class.']);
    expect(screen.getByTestId('rule-host').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('rule-host').getAttribute('aria-describedby')).toBe(alerts[0]!.id);
    expect(onSubmit.mock.calls[0]![0]).toMatchObject({ matchType: 'host', host: 'bad host' });
  });

  it('asks for a pattern instead of a host for wildcard and regex rules', () => {
    render(<RuleForm title="New rule" initial={emptyDraft()} submitLabel="Add rule" onSubmit={vi.fn()} />);
    fireEvent.change(screen.getByTestId('rule-match-type'), { target: { value: 'regex' } });
    expect(screen.queryByTestId('rule-host')).toBeNull();
    expect(screen.getByLabelText('Regular expression')).toBeTruthy();
  });
});

describe('RuleTester', () => {
  it('names a built-in match once, in words, never "Catalog: catalog:" (issue #15)', () => {
    render(
      <RuleTester
        classifier={createClassifier([
          { order: 0, createdAt: 1, match: { type: 'host', host: 'docs.google.com' }, class: 'neutral' },
        ])}
      />,
    );
    fireEvent.change(screen.getByLabelText('Test an address'), {
      target: { value: 'https://docs.google.com/document/d/1/edit' },
    });
    const items = Array.from(screen.getByTestId('rule-tester').querySelectorAll('li'), (li) => li.textContent ?? '');
    expect(items.length).toBeGreaterThan(1);
    expect(items.join('\n')).not.toMatch(/catalog:/i);
    expect(items[0]).toMatch(/^WinsYour rule #1 \(docs\.google\.com\)/);
    expect(items.slice(1).every((t) => t.startsWith('Built-in: Google Docs ('))).toBe(true);
  });
});

describe('rule messages', () => {
  it('the missing-class error names the choices the form offers, not internal class ids (issue #15)', () => {
    expect(RULE_MESSAGES.classMissing).toBe('Choose what it counts as: Creative, Coordination or Not work.');
    expect(Object.values(RULE_MESSAGES).join(' ')).not.toMatch(/\bneutral\b|\bunclassified\b|an object/);
  });
});

describe('HostListEditor', () => {
  it('adds a reduced host, refuses a duplicate with a message, removes with a named button', async () => {
    const onChange = vi.fn();
    render(<HostListEditor label="Never track" hosts={['bank.example.com']} onChange={onChange} />);
    const input = screen.getByLabelText('Never track');
    fireEvent.change(input, { target: { value: 'https://www.bank.example.com/x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect((await screen.findByRole('alert')).textContent).toContain('already excluded');
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.change(input, { target: { value: '*.shop.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(onChange).toHaveBeenCalledWith(['bank.example.com', '*.shop.example']);
    fireEvent.click(screen.getByRole('button', { name: 'Remove bank.example.com' }));
    expect(onChange).toHaveBeenLastCalledWith([]);
  });
});

describe('ClassifyButtons and DataTable', () => {
  it('classifies with one click, naming the site in each button', () => {
    const onChoose = vi.fn();
    render(<ClassifyButtons subject="example.io" onChoose={onChoose} />);
    fireEvent.click(screen.getByRole('button', { name: /^Not work: count example.io/ }));
    expect(onChoose).toHaveBeenCalledWith('neutral');
  });

  it('renders a real table with a caption, row headers and an empty row', () => {
    render(
      <DataTable
        caption="Hours"
        rows={[] as { k: string }[]}
        rowKey={(r) => r.k}
        empty="Nothing yet."
        columns={[{ key: 'k', header: 'Key', rowHeader: true, render: (r) => r.k }]}
      />,
    );
    expect(screen.getByRole('table', { name: 'Hours' })).toBeTruthy();
    expect(screen.getByText('Nothing yet.')).toBeTruthy();
  });
});
