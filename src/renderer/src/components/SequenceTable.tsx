/**
 * The Sequences table, virtualized: only the rows in view are in the DOM, and their pages
 * are fetched as the viewport reaches them. `total` alone sets the scroll height.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type CSSProperties } from 'react';
import { PAGE_SIZE, useSequencePagesStore } from '../stores/sequence-pages.store';
import { useSequencesStore } from '../stores/sequences.store';
import type { SequenceColumn } from './sequence-columns';

const ROW_HEIGHT = 30;
const HEADER_HEIGHT = 36;

export function SequenceTable({ columns }: { columns: SequenceColumn[] }) {
  const total = useSequencePagesStore((state) => state.total);
  const pages = useSequencePagesStore((state) => state.pages);
  const queryKey = useSequencePagesStore((state) => state.queryKey);
  const ensureRows = useSequencePagesStore((state) => state.ensureRows);
  const sort = useSequencesStore((state) => state.sort);
  const toggleSort = useSequencesStore((state) => state.toggleSort);
  const scrollRef = useRef<HTMLDivElement>(null);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders us itself on scroll
  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    paddingStart: HEADER_HEIGHT,
    overscan: 20,
  });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (total) ensureRows(firstIndex, lastIndex);
  }, [firstIndex, lastIndex, total, queryKey, ensureRows]);

  // A new query starts at the top.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [queryKey]);

  const template = columns.map((column) => `${column.width}px`).join(' ');
  const width = columns.reduce((sum, column) => sum + column.width, 0);

  return (
    <div
      ref={scrollRef}
      className="vtable-scroll"
      role="table"
      aria-label="Sequences"
      aria-rowcount={(total ?? 0) + 1}
      tabIndex={0}
    >
      <div
        className="vtable-content"
        style={
          {
            height: virtualizer.getTotalSize(),
            width,
            '--vtable-columns': template,
          } as CSSProperties
        }
      >
        <div className="vtable-header" role="rowgroup" style={{ height: HEADER_HEIGHT }}>
          <div className="vtable-row" role="row" aria-rowindex={1}>
            {columns.map((column) => {
              const sorted = column.sortKey !== null && sort.column === column.sortKey;
              const ariaSort = sorted
                ? sort.direction === 'asc'
                  ? 'ascending'
                  : 'descending'
                : 'none';
              return (
                <div
                  key={column.id}
                  role="columnheader"
                  aria-sort={column.sortKey ? ariaSort : undefined}
                  className={`vtable-cell vtable-heading${column.numeric ? ' numeric' : ''}`}
                >
                  {column.sortKey ? (
                    <button
                      type="button"
                      className="sort-button"
                      onClick={() => column.sortKey && toggleSort(column.sortKey)}
                    >
                      {column.label}
                      <span className="sort-mark" aria-hidden="true">
                        {sorted ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
                      </span>
                    </button>
                  ) : (
                    <span title={column.label}>{column.label}</span>
                  )}
                </div>
              );
            })}
          </div>
        </div>
        <div role="rowgroup">
          {items.map((item) => {
            const row = pages[Math.floor(item.index / PAGE_SIZE)]?.[item.index % PAGE_SIZE];
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                className={`vtable-row vtable-body-row${item.index % 2 ? ' is-odd' : ''}`}
                style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
              >
                {columns.map((column) => (
                  <div
                    key={column.id}
                    role="cell"
                    className={`vtable-cell${column.numeric ? ' numeric' : ''}${column.id === 'seqId' ? ' mono' : ''}`}
                  >
                    {row ? column.render(row) : <span className="placeholder">…</span>}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
