/** The History chart's data: runs in time order, their labels stacked, their unassigned share. */
import type { ClassificationSummary } from '../../../../shared/classify-types';

/** Labels drawn in their own colour; the rest are stacked as one. */
export const STACKED_LABELS = 8;
export const OTHER_LABELS = 'Other labels';

export interface RunStack {
  classification: ClassificationSummary;
  /** Counts per series, in series order. */
  counts: number[];
  assigned: number;
  unassignedShare: number;
}

export interface RunHistory {
  /** The most frequent labels over every run, then `Other labels` when there are more. */
  series: string[];
  runs: RunStack[];
  maxAssigned: number;
}

export function buildRunHistory(classifications: ClassificationSummary[]): RunHistory {
  const totals = new Map<string, number>();
  for (const classification of classifications) {
    for (const { label, count } of classification.labelCounts) {
      totals.set(label, (totals.get(label) ?? 0) + count);
    }
  }
  const ranked = [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([label]) => label);
  const named = ranked.slice(0, STACKED_LABELS);
  const hasOther = ranked.length > named.length;
  const series = hasOther ? [...named, OTHER_LABELS] : named;

  const runs = [...classifications]
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id)
    .map((classification) => {
      const counts = series.map(() => 0);
      for (const { label, count } of classification.labelCounts) {
        const index = named.indexOf(label);
        const slot = index >= 0 ? index : named.length;
        counts[slot] = (counts[slot] ?? 0) + count;
      }
      return {
        classification,
        counts,
        assigned: classification.assignedCount,
        unassignedShare:
          classification.sequenceCount > 0
            ? classification.unassignedCount / classification.sequenceCount
            : 0,
      };
    });
  return { series, runs, maxAssigned: Math.max(1, ...runs.map((run) => run.assigned)) };
}
