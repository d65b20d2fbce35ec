/**
 * A store of table pages fetched as the viewport reaches them, for any query and row type.
 * The cache belongs to one query; a new query drops it. Bounded, so that scrolling a
 * million rows does not keep a million rows.
 */
import { create } from 'zustand';
import { errorMessage } from '../api';

const MAX_CACHED_PAGES = 60;

export interface RowsPage<Row> {
  total: number;
  rows: Row[];
}

export interface PagedRowsState<Query, Row> {
  query: Query | null;
  queryKey: string | null;
  /** Rows matching the query; null until the first page arrives. */
  total: number | null;
  pages: Record<number, Row[]>;
  pending: Record<number, true>;
  error: string | null;
  setQuery(query: Query | null): void;
  /** Fetches the pages that hold rows first..last (inclusive) unless cached or in flight. */
  ensureRows(first: number, last: number): void;
}

function withoutFarPages<Row>(pages: Record<number, Row[]>, near: number): Record<number, Row[]> {
  const indexes = Object.keys(pages).map(Number);
  if (indexes.length <= MAX_CACHED_PAGES) return pages;
  indexes.sort((a, b) => Math.abs(a - near) - Math.abs(b - near));
  const kept: Record<number, Row[]> = {};
  for (const index of indexes.slice(0, MAX_CACHED_PAGES)) kept[index] = pages[index] ?? [];
  return kept;
}

/** The row at `index` of the cached pages, if its page has arrived. */
export function rowAt<Row>(
  pages: Record<number, Row[]>,
  pageSize: number,
  index: number,
): Row | undefined {
  return pages[Math.floor(index / pageSize)]?.[index % pageSize];
}

export function createPagedRowsStore<Query, Row>(
  fetchPage: (query: Query, offset: number, limit: number) => Promise<RowsPage<Row>>,
  pageSize: number,
) {
  return create<PagedRowsState<Query, Row>>()((set, get) => ({
    query: null,
    queryKey: null,
    total: null,
    pages: {},
    pending: {},
    error: null,

    setQuery(query) {
      const queryKey = query ? JSON.stringify(query) : null;
      if (queryKey === get().queryKey) return;
      set({ query, queryKey, total: null, pages: {}, pending: {}, error: null });
      if (query) get().ensureRows(0, pageSize - 1);
    },

    ensureRows(first, last) {
      const { query, queryKey, total } = get();
      if (!query || !queryKey) return;
      const lastRow = total === null ? last : Math.min(last, total - 1);
      for (
        let page = Math.floor(first / pageSize);
        page <= Math.floor(lastRow / pageSize);
        page++
      ) {
        const { pages, pending } = get();
        if (pages[page] || pending[page]) continue;
        set({ pending: { ...pending, [page]: true } });
        fetchPage(query, page * pageSize, pageSize)
          .then((result) => {
            // A newer query has replaced this one: its cache is not ours to fill.
            if (get().queryKey !== queryKey) return;
            set((state) => {
              const { [page]: _done, ...pendingNow } = state.pending;
              return {
                total: result.total,
                pages: withoutFarPages({ ...state.pages, [page]: result.rows }, page),
                pending: pendingNow,
                error: null,
              };
            });
          })
          .catch((error: unknown) => {
            if (get().queryKey !== queryKey) return;
            set((state) => {
              const { [page]: _done, ...pendingNow } = state.pending;
              return { pending: pendingNow, error: errorMessage(error) };
            });
          });
      }
    },
  }));
}
