/**
 * The plot's color groups: each is one trace (one legend entry that toggles it) holding
 * the indexes of its points. Built in one pass over the points, for 100k of them.
 */
import { verdictLabels, verdictFilters, type VerdictFilter } from '../qc/verdicts';
import {
  MISSING_COLOR,
  clusterColor,
  clusterName,
  valueColor,
  verdictColors,
} from './cluster-colors';

export interface PointGroup {
  name: string;
  color: string;
  indexes: number[];
}

/** More distinct values than this are lumped into "Other" (a trace each would not read). */
export const MAX_VALUE_GROUPS = 15;
export const MISSING_NAME = '(missing)';
const OTHER_NAME = 'Other';

export function groupByCluster(assignments: readonly number[]): PointGroup[] {
  const byCluster = new Map<number, number[]>();
  assignments.forEach((cluster, index) => {
    let indexes = byCluster.get(cluster);
    if (!indexes) byCluster.set(cluster, (indexes = []));
    indexes.push(index);
  });
  // Clusters in order, noise last.
  const clusters = [...byCluster.keys()].sort((a, b) => (a < 0 ? 1 : b < 0 ? -1 : a - b));
  return clusters.map((cluster) => ({
    name: clusterName(cluster),
    color: clusterColor(cluster),
    indexes: byCluster.get(cluster)!,
  }));
}

export function groupByVerdict(verdicts: readonly (string | null)[]): PointGroup[] {
  const groups = new Map<string, number[]>();
  verdicts.forEach((verdict, index) => {
    const key = verdict ?? '';
    let indexes = groups.get(key);
    if (!indexes) groups.set(key, (indexes = []));
    indexes.push(index);
  });
  const known = verdictFilters.filter((verdict) => groups.has(verdict));
  const others = [...groups.keys()].filter(
    (key) => key !== '' && !verdictFilters.includes(key as VerdictFilter),
  );
  return [
    ...known.map((verdict) => ({
      name: verdictLabels[verdict],
      color: verdictColors[verdict]!,
      indexes: groups.get(verdict)!,
    })),
    ...others.map((key, rank) => ({
      name: key,
      color: valueColor(rank),
      indexes: groups.get(key)!,
    })),
    ...(groups.has('')
      ? [{ name: 'Not analysed', color: MISSING_COLOR, indexes: groups.get('')! }]
      : []),
  ];
}

/** The most common values each get a color; the rest are "Other", empty values "(missing)". */
export function groupByValue(values: readonly (string | null)[]): PointGroup[] {
  const groups = new Map<string, number[]>();
  const missing: number[] = [];
  values.forEach((value, index) => {
    if (value === null || value === '') {
      missing.push(index);
      return;
    }
    let indexes = groups.get(value);
    if (!indexes) groups.set(value, (indexes = []));
    indexes.push(index);
  });
  const ranked = [...groups.entries()].sort(
    (a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]),
  );
  const shown = ranked.length > MAX_VALUE_GROUPS ? ranked.slice(0, MAX_VALUE_GROUPS - 1) : ranked;
  const result: PointGroup[] = shown.map(([name, indexes], rank) => ({
    name,
    color: valueColor(rank),
    indexes,
  }));
  const rest = ranked.slice(shown.length);
  if (rest.length > 0) {
    const indexes = rest.flatMap(([, group]) => group).sort((a, b) => a - b);
    result.push({ name: `${OTHER_NAME} (${rest.length} values)`, color: '#6f7a86', indexes });
  }
  if (missing.length > 0)
    result.push({ name: MISSING_NAME, color: MISSING_COLOR, indexes: missing });
  return result;
}
