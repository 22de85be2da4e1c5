// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RecordList, type RecordListProps } from '@/components/RecordList';

interface Item {
  id: string;
  name: string;
}

const ITEMS: Item[] = [
  { id: 'a', name: 'Work' },
  { id: 'b', name: 'Home' },
];

function list(props: Partial<RecordListProps<Item>> = {}) {
  const onDelete = vi.fn();
  render(
    <RecordList<Item>
      title="Imported calendars"
      items={ITEMS}
      itemKey={(i) => i.id}
      empty="Nothing yet."
      renderItem={(i) => <strong>{i.name}</strong>}
      deleteLabel={(i) => `Delete ${i.name}`}
      confirmLabel={(i) => `Delete ${i.name}?`}
      onDelete={onDelete}
      rowTestId="row"
      {...props}
    />,
  );
  return onDelete;
}

afterEach(() => {
  cleanup();
});

describe('RecordList', () => {
  it('says it is loading, then that there is nothing, under its heading', () => {
    list({ items: undefined, testId: 'records' });
    const section = screen.getByRole('region', { name: 'Imported calendars' });
    expect(section.getAttribute('data-testid')).toBe('records');
    expect(section.textContent).toBe('Imported calendarsLoading…');
    cleanup();
    list({ items: [] });
    expect(screen.getByText('Nothing yet.').className).toBe('subtle');
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('renders a row per item with its data attributes and extra actions before Delete', () => {
    list({
      rowData: (i) => ({ 'data-id': i.id }),
      listTestId: 'the-list',
      actions: (i) => <button type="button">Edit {i.name}</button>,
    });
    const rows = screen.getAllByTestId('row');
    expect(rows.map((r) => r.getAttribute('data-id'))).toEqual(['a', 'b']);
    expect(screen.getByRole('list').getAttribute('data-testid')).toBe('the-list');
    expect(
      within(rows[0]!)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Edit Work', 'Delete']);
  });

  it('asks before deleting: Keep changes nothing, Delete calls onDelete once', () => {
    const onDelete = list({ confirmText: 'Delete these meetings?' });
    fireEvent.click(screen.getByRole('button', { name: 'Delete Work' }));
    const group = screen.getByRole('group', { name: 'Delete Work?' });
    expect(group.textContent).toBe('Delete these meetings?DeleteKeep');
    fireEvent.click(within(group).getByRole('button', { name: 'Keep' }));
    expect(screen.queryByRole('group')).toBeNull();
    expect(onDelete).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Delete Home' }));
    fireEvent.click(
      within(screen.getByRole('group', { name: 'Delete Home?' })).getByRole('button', { name: 'Delete' }),
    );
    expect(onDelete).toHaveBeenCalledTimes(1);
    expect(onDelete).toHaveBeenCalledWith(ITEMS[1]);
    expect(screen.queryByRole('group')).toBeNull();
  });

  it('asks for one row at a time', () => {
    list();
    fireEvent.click(screen.getByRole('button', { name: 'Delete Work' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete Home' }));
    expect(screen.getAllByRole('group').map((g) => g.getAttribute('aria-label'))).toEqual(['Delete Home?']);
    expect(screen.getByRole('button', { name: 'Delete Work' })).toBeTruthy();
  });
});
