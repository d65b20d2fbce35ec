// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createElement as h } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RunsTable, type RunColumn } from '../../../src/renderer/src/ui/RunsTable';

interface Run {
  id: number;
  name: string;
}

const runs: Run[] = [
  { id: 3, name: 'third' },
  { id: 1, name: 'first' },
];
const columns: RunColumn<Run>[] = [
  { key: 'name', header: 'Name', cell: (run) => h('td', null, run.name) },
];

function renderTable(overrides: Partial<Parameters<typeof RunsTable<Run>>[0]> = {}) {
  const props = {
    caption: 'Test runs',
    scrollClassName: 'runs-scroll',
    runs,
    columns,
    openVerb: 'Show',
    onOpen: vi.fn(),
    remove: vi.fn(async () => null),
    forget: vi.fn(),
    ...overrides,
  };
  render(h(RunsTable<Run>, props));
  return props;
}

describe('RunsTable', () => {
  afterEach(cleanup);

  it('lists the runs under its caption, a button per run and the columns given', () => {
    renderTable({ pressed: (run) => run.id === 3 });
    const table = screen.getByRole('table', { name: 'Test runs' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(
      within(rows[0]!)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Run', 'Name', 'Actions']);
    expect(within(rows[1]!).getByRole('cell', { name: 'third' })).toBeTruthy();
    const show = screen.getByRole('button', { name: 'Show run 3' });
    expect(show.textContent).toBe('#3');
    expect(show.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'Show run 1' }).getAttribute('aria-pressed')).toBe(
      'false',
    );
  });

  it('opens a run from its button, and from its row when rows open', () => {
    const { onOpen } = renderTable({ openVerb: 'Open', rowOpens: true });
    fireEvent.click(screen.getByRole('cell', { name: 'first' }));
    expect(onOpen).toHaveBeenLastCalledWith(runs[1]);
    expect(screen.getByRole('button', { name: 'Open run 3' }).getAttribute('aria-pressed')).toBe(
      null,
    );
  });

  it('deletes a run only once confirmed, then forgets it', async () => {
    const { remove, forget, onOpen } = renderTable({ rowOpens: true });
    fireEvent.click(screen.getByRole('button', { name: 'Delete run 3' }));
    expect(remove).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Confirm delete' }));
    await waitFor(() => expect(forget).toHaveBeenCalledWith(3));
    expect(remove).toHaveBeenCalledWith(runs[0]);
    expect(onOpen).not.toHaveBeenCalled();
  });

  it('keeps the run on Keep and says why a deletion failed', async () => {
    const { forget } = renderTable({ remove: vi.fn(async () => 'the run is in use') });
    fireEvent.click(screen.getByRole('button', { name: 'Delete run 1' }));
    fireEvent.click(screen.getByRole('button', { name: 'Keep' }));
    expect(screen.getByRole('button', { name: 'Delete run 1' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Delete run 1' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm delete' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Could not delete run 1: the run is in use',
    );
    expect(forget).not.toHaveBeenCalled();
  });
});
