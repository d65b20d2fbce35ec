/**
 * What a clustering shows: its detail (metrics, cluster summaries), its points, and the
 * metadata columns fetched for coloring. A few clusterings are kept, so that going back
 * and forth between runs is instant; points of 100k sequences are not kept by the dozen.
 */
import { create } from 'zustand';
import type { ClusteringDetail, ClusterPoints } from '../../../../shared/cluster-types';
import { api, errorMessage } from '../../api';

const MAX_CACHED_CLUSTERINGS = 4;

export const columnKey = (clusteringId: number, column: string) => `${clusteringId}\t${column}`;

interface ClusterResultsState {
  details: Record<number, ClusteringDetail>;
  points: Record<number, ClusterPoints>;
  /** Values of one metadata column for every point, in the points' order. */
  columns: Record<string, (string | null)[]>;
  /** By `detail:<id>`, `points:<id>` or `column:<id>\t<name>`. */
  errors: Record<string, string>;
  loadDetail(clusteringId: number): Promise<void>;
  /** The points, with the label column's values when the clustering compared with one. */
  loadPoints(clusteringId: number, labelColumn: string | null): Promise<void>;
  loadColumn(clusteringId: number, column: string): Promise<void>;
  forget(clusteringId: number): void;
}

/** Keeps the newest few of a record keyed by clustering id (insertion order is load order). */
function keepNewest<T>(record: Record<number, T>, id: number, value: T): Record<number, T> {
  const { [id]: _previous, ...rest } = record;
  const ids = Object.keys(rest);
  const kept: Record<number, T> = {};
  for (const key of ids.slice(Math.max(0, ids.length - MAX_CACHED_CLUSTERINGS + 1))) {
    kept[Number(key)] = rest[Number(key)]!;
  }
  kept[id] = value;
  return kept;
}

function withoutError(errors: Record<string, string>, key: string): Record<string, string> {
  const { [key]: _cleared, ...rest } = errors;
  return rest;
}

export const useClusterResultsStore = create<ClusterResultsState>()((set, get) => ({
  details: {},
  points: {},
  columns: {},
  errors: {},

  async loadDetail(clusteringId) {
    if (get().details[clusteringId]) return;
    const key = `detail:${clusteringId}`;
    try {
      const detail = await api.getClustering({ clusteringId });
      set((state) => ({
        details: keepNewest(state.details, clusteringId, detail),
        errors: withoutError(state.errors, key),
      }));
    } catch (error) {
      set((state) => ({ errors: { ...state.errors, [key]: errorMessage(error) } }));
    }
  },

  async loadPoints(clusteringId, labelColumn) {
    if (get().points[clusteringId]) return;
    const key = `points:${clusteringId}`;
    try {
      const points = await api.getClusterPoints({
        clusteringId,
        ...(labelColumn ? { column: labelColumn } : {}),
      });
      set((state) => {
        const kept = keepNewest(state.points, clusteringId, points);
        // Columns of clusterings no longer kept go with their points.
        const columns = Object.fromEntries(
          Object.entries(state.columns).filter(([key]) => kept[Number(key.split('\t')[0])]),
        );
        if (points.column)
          columns[columnKey(clusteringId, points.column.name)] = points.column.values;
        return { points: kept, columns, errors: withoutError(state.errors, key) };
      });
    } catch (error) {
      set((state) => ({ errors: { ...state.errors, [key]: errorMessage(error) } }));
    }
  },

  async loadColumn(clusteringId, column) {
    const cacheKey = columnKey(clusteringId, column);
    if (get().columns[cacheKey]) return;
    const key = `column:${cacheKey}`;
    try {
      const points = await api.getClusterPoints({ clusteringId, column });
      set((state) => ({
        columns: { ...state.columns, [cacheKey]: points.column?.values ?? [] },
        errors: withoutError(state.errors, key),
      }));
    } catch (error) {
      set((state) => ({ errors: { ...state.errors, [key]: errorMessage(error) } }));
    }
  },

  forget(clusteringId) {
    set((state) => {
      const { [clusteringId]: _detail, ...details } = state.details;
      const { [clusteringId]: _points, ...points } = state.points;
      const columns = Object.fromEntries(
        Object.entries(state.columns).filter(([key]) => !key.startsWith(`${clusteringId}\t`)),
      );
      return { details, points, columns };
    });
  },
}));
