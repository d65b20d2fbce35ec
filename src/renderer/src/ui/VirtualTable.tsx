/**
 * A virtualized table over server-side pages: only the rows in view are in the DOM, and
 * their pages are asked for as the viewport reaches them. `total` alone sets the height.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type CSSProperties } from 'react';
import type { TableColumn, TableSort } from './table-column';

const ROW_HEIGHT = 30;
const HEADER_HEIGHT = 36;

interface VirtualTableProps<Row, SortKey extends string> {
  label: string;
  columns: TableColumn<Row, SortKey>[];
  total: number | null;
  rowAt(index: number): Row | undefined;
  ensureRows(first: number, last: number): void;
  /** Changes with the query: the table goes back to the top. */
  queryKey: string | null;
  sort: TableSort<SortKey>;
  onSort(column: SortKey): void;
  onRowClick?(row: Row): void;
  isSelected?(row: Row): boolean;
  /** Shown in the body when the query matches nothing. */
  emptyText?: string;
}

interface VirtualHeaderProps<Row, SortKey extends string> {
  columns: TableColumn<Row, SortKey>[];
  sort: TableSort<SortKey>;
  onSort(column: SortKey): void;
}

function ariaSortOf(sorted: boolean, direction: TableSort<string>['direction']) {
  if (!sorted) return 'none';
  return direction === 'asc' ? 'ascending' : 'descending';
}

/** The header row: a sort button per sortable column, with the sort shown. */
function VirtualHeader<Row, SortKey extends string>({
  columns,
  sort,
  onSort,
}: VirtualHeaderProps<Row, SortKey>) {
  return (
    <div className="vtable-header" role="rowgroup" style={{ height: HEADER_HEIGHT }}>
      <div className="vtable-row" role="row" aria-rowindex={1}>
        {columns.map((column) => {
          const sorted = column.sortKey !== null && sort.column === column.sortKey;
          return (
            <div
              key={column.id}
              role="columnheader"
              aria-sort={column.sortKey ? ariaSortOf(sorted, sort.direction) : undefined}
              title={column.title}
              className={`vtable-cell vtable-heading${column.numeric ? ' numeric' : ''}`}
            >
              {column.sortKey ? (
                <button
                  type="button"
                  className="sort-button"
                  onClick={() => column.sortKey && onSort(column.sortKey)}
                >
                  {column.label}
                  <span className="sort-mark" aria-hidden="true">
                    {sorted ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
                  </span>
                </button>
              ) : (
                <span title={column.title ?? column.label}>{column.label}</span>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

interface VirtualRowProps<Row, SortKey extends string> {
  index: number;
  /** Where the row starts in the scrolled content. */
  start: number;
  /** Undefined while its page is loading. */
  row: Row | undefined;
  columns: TableColumn<Row, SortKey>[];
  /** Whether the row is selected; undefined when the table does not select. */
  selected: boolean | undefined;
  onRowClick: ((row: Row) => void) | undefined;
}

/** One body row, placed where the virtualizer puts it; placeholders until its page arrives. */
function VirtualRow<Row, SortKey extends string>({
  index,
  start,
  row,
  columns,
  selected,
  onRowClick,
}: VirtualRowProps<Row, SortKey>) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={`vtable-row vtable-body-row${index % 2 ? ' is-odd' : ''}${onRowClick ? ' is-clickable' : ''}${selected ? ' is-selected' : ''}`}
      style={{ height: ROW_HEIGHT, transform: `translateY(${start}px)` }}
      // The row's first cell holds a button for keyboards; a click anywhere does the same.
      onClick={row && onRowClick ? () => onRowClick(row) : undefined}
    >
      {columns.map((column) => (
        <div
          key={column.id}
          role="cell"
          className={`vtable-cell${column.numeric ? ' numeric' : ''}${column.mono ? ' mono' : ''}`}
        >
          {row ? column.render(row) : <span className="placeholder">…</span>}
        </div>
      ))}
    </div>
  );
}

export function VirtualTable<Row, SortKey extends string>({
  label,
  columns,
  total,
  rowAt,
  ensureRows,
  queryKey,
  sort,
  onSort,
  onRowClick,
  isSelected,
  emptyText = 'Nothing matches the filter.',
}: VirtualTableProps<Row, SortKey>) {
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
      aria-label={label}
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
        <VirtualHeader columns={columns} sort={sort} onSort={onSort} />
        {total === 0 && <p className="vtable-empty muted">{emptyText}</p>}
        <div role="rowgroup">
          {items.map((item) => {
            const row = rowAt(item.index);
            return (
              <VirtualRow
                key={item.key}
                index={item.index}
                start={item.start}
                row={row}
                columns={columns}
                selected={isSelected ? row !== undefined && isSelected(row) : undefined}
                onRowClick={onRowClick}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
