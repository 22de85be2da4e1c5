// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { describedBy, FieldNotes } from '@/components/FieldNotes';

afterEach(() => {
  cleanup();
});

describe('describedBy', () => {
  it.each<[{ help?: unknown; error?: unknown }, string | undefined]>([
    [{}, undefined],
    [{ help: '', error: null }, undefined],
    [{ help: 'Minutes' }, 'f-help'],
    [{ error: 'Too short.' }, 'f-error'],
    [{ help: true, error: 'Too short.' }, 'f-help f-error'],
  ])('%j → %s', (notes, expected) => {
    expect(describedBy('f', notes)).toBe(expected);
  });
});

describe('FieldNotes', () => {
  it('shows nothing without an error or help', () => {
    expect(render(<FieldNotes id="f" error={null} />).container.innerHTML).toBe('');
  });

  it('shows the error (announced) before the help, with the ids describedBy names', () => {
    const { container } = render(<FieldNotes id="f" error="Too short." help="At least 15 seconds." />);
    expect([...container.children].map((el) => [el.id, el.className, el.getAttribute('role'), el.textContent])).toEqual(
      [
        ['f-error', 'field-error', 'alert', 'Too short.'],
        ['f-help', 'field-help', null, 'At least 15 seconds.'],
      ],
    );
  });
});
