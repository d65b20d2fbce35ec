/**
 * Pages of the Sequences table, fetched as the viewport reaches them. The cache belongs to
 * one query (dataset, filter, sort); a new query drops it. Bounded, so that scrolling a
 * million rows does not keep a million rows.
 */
import { create } from 'zustand';
import type { SequenceRow } from '../../../shared/types';
import { api, errorMessage } from '../api';
import type { SequenceFilter, SequenceSort } from './sequences.store';

export const PAGE_SIZE = 500;
const MAX_CACHED_PAGES = 60;

export interface SequenceQuery {
  datasetId: number;
  filter: SequenceFilter;
  sort: SequenceSort;
}

interface SequencePagesState {
  query: SequenceQuery | null;
  queryKey: string | null;
  /** Rows matching the query; null until the first page arrives. */
  total: number | null;
  pages: Record<number, SequenceRow[]>;
  pending: Record<number, true>;
  error: string | null;
  setQuery(query: SequenceQuery | null): void;
  /** Fetches the pages that hold rows first..last (inclusive) unless cached or in flight. */
  ensureRows(first: number, last: number): void;
}

function withoutFarPages(
  pages: Record<number, SequenceRow[]>,
  near: number,
): Record<number, SequenceRow[]> {
  const indexes = Object.keys(pages).map(Number);
  if (indexes.length <= MAX_CACHED_PAGES) return pages;
  indexes.sort((a, b) => Math.abs(a - near) - Math.abs(b - near));
  const kept: Record<number, SequenceRow[]> = {};
  for (const index of indexes.slice(0, MAX_CACHED_PAGES)) kept[index] = pages[index] ?? [];
  return kept;
}

export const useSequencePagesStore = create<SequencePagesState>()((set, get) => ({
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
    if (query) get().ensureRows(0, PAGE_SIZE - 1);
  },

  ensureRows(first, last) {
    const { query, queryKey, total } = get();
    if (!query || !queryKey) return;
    const lastRow = total === null ? last : Math.min(last, total - 1);
    for (
      let page = Math.floor(first / PAGE_SIZE);
      page <= Math.floor(lastRow / PAGE_SIZE);
      page++
    ) {
      const { pages, pending } = get();
      if (pages[page] || pending[page]) continue;
      set({ pending: { ...pending, [page]: true } });
      api
        .listSequences({ ...query, offset: page * PAGE_SIZE, limit: PAGE_SIZE })
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
