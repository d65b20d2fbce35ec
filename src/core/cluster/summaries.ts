/**
 * One summary per cluster for the cluster table: size, a representative genome (medoid),
 * the metadata label most members carry, the mutations that define the cluster, and the
 * mix of QC verdicts. Noise (-1) gets a summary too, marked `noise`.
 */
import type { ClusterSummary, DefiningMutation } from '../../shared/cluster-types';
import { assertMatrix, squaredDistance, type Matrix } from './matrix';
import { mulberry32, sampleIndices } from './random';

export interface ClusterSummaryInput {
  /** Cluster per row; -1 = noise. */
  assignments: Int32Array;
  /** The space medoids are measured in (e.g. PCA coordinates); one row per assignment. */
  points: Matrix;
  /** Sequence id per row. */
  ids: string[];
  /** Metadata label per row (e.g. clade); null = unlabelled. */
  labels?: (string | null)[];
  /** QC verdict per row; null = not scored (counted as "unscored"). */
  qcVerdicts?: (string | null)[];
  /** For each mutation label, the distinct rows that carry it. */
  carriers?: { mutations: string[]; rows: Int32Array[] };
  /** Least share of a cluster carrying a defining mutation. Default 0.9. */
  definingPresence?: number;
  /** Largest share of all other rows carrying a defining mutation. Default 0.1. */
  definingOutside?: number;
}

// The summary is the shared contract's, documented there: it crosses to every front as is.
export type { ClusterSummary, DefiningMutation } from '../../shared/cluster-types';

/** Members sampled for the medoid of a larger cluster (the search is quadratic). */
export const MEDOID_SAMPLE_SIZE = 500;
const TOP_LABELS = 5;
const MAX_DEFINING = 20;

/** Summaries of every cluster in increasing order, then noise if any row is noise. */
export function summarizeClusters(input: ClusterSummaryInput): ClusterSummary[] {
  const { assignments, points, ids } = input;
  assertMatrix(points);
  const rows = assignments.length;
  if (points.rows !== rows || ids.length !== rows)
    throw new RangeError(`assignments, points and ids must have one entry per row (${rows})`);
  const members = new Map<number, number[]>();
  for (let i = 0; i < rows; i++) {
    const c = assignments[i]! < 0 ? -1 : assignments[i]!;
    const list = members.get(c);
    if (list) list.push(i);
    else members.set(c, [i]);
  }
  const clusters = [...members.keys()].sort((a, b) => (a < 0 ? 1 : b < 0 ? -1 : a - b));
  const defining = definingMutations(input, clusters, members);
  return clusters.map((cluster) => {
    const rowsOf = members.get(cluster)!;
    const { majorityLabel, purity, labelCounts } = countLabels(rowsOf, input.labels);
    const qcMix: Record<string, number> = {};
    if (input.qcVerdicts)
      for (const i of rowsOf) {
        const verdict = input.qcVerdicts[i] ?? 'unscored';
        qcMix[verdict] = (qcMix[verdict] ?? 0) + 1;
      }
    return {
      cluster,
      noise: cluster < 0,
      size: rowsOf.length,
      medoidId: ids[medoid(points, rowsOf)]!,
      majorityLabel,
      purity,
      labelCounts,
      definingMutations: defining.get(cluster) ?? [],
      qcMix,
    };
  });
}

/**
 * The member whose summed Euclidean distance to the other members is least (first on
 * ties). Above MEDOID_SAMPLE_SIZE members, a fixed-seed sample stands in for the cluster.
 */
function medoid({ cols, data }: Matrix, rowsOf: number[]): number {
  let candidates = rowsOf;
  if (rowsOf.length > MEDOID_SAMPLE_SIZE) {
    const picked = sampleIndices(rowsOf.length, MEDOID_SAMPLE_SIZE, mulberry32(1));
    candidates = Array.from(picked, (p) => rowsOf[p]!);
  }
  let best = candidates[0]!;
  let bestSum = Infinity;
  for (const a of candidates) {
    let sum = 0;
    for (const b of candidates)
      sum += Math.sqrt(squaredDistance(data, a * cols, data, b * cols, cols));
    if (sum < bestSum) {
      bestSum = sum;
      best = a;
    }
  }
  return best;
}

function countLabels(rowsOf: number[], labels: (string | null)[] | undefined) {
  const counts = new Map<string, number>();
  let labelled = 0;
  for (const i of rowsOf) {
    const label = labels?.[i];
    if (label === null || label === undefined) continue;
    counts.set(label, (counts.get(label) ?? 0) + 1);
    labelled++;
  }
  const sorted = [...counts]
    .map(([label, count]) => ({ label, count }))
    .sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  return {
    majorityLabel: sorted[0]?.label ?? null,
    purity: labelled > 0 ? sorted[0]!.count / labelled : null,
    labelCounts: sorted.slice(0, TOP_LABELS),
  };
}

/** Per cluster (noise excluded), the mutations common inside and rare outside. */
function definingMutations(
  input: ClusterSummaryInput,
  clusters: number[],
  members: Map<number, number[]>,
): Map<number, DefiningMutation[]> {
  const result = new Map<number, DefiningMutation[]>();
  const { carriers, assignments } = input;
  if (!carriers) return result;
  const presenceAtLeast = input.definingPresence ?? 0.9;
  const outsideAtMost = input.definingOutside ?? 0.1;
  const rows = assignments.length;
  const real = clusters.filter((c) => c >= 0);
  const slot = new Map(real.map((c, s) => [c, s]));
  const inCluster = new Int32Array(real.length);
  for (const c of real) result.set(c, []);
  carriers.mutations.forEach((mutation, m) => {
    const carrying = carriers.rows[m]!;
    inCluster.fill(0);
    for (const i of carrying) {
      const s = slot.get(assignments[i]!);
      if (s !== undefined) inCluster[s]!++;
    }
    real.forEach((c, s) => {
      const size = members.get(c)!.length;
      const presence = inCluster[s]! / size;
      const outside = rows > size ? (carrying.length - inCluster[s]!) / (rows - size) : 0;
      if (presence >= presenceAtLeast && outside <= outsideAtMost)
        result.get(c)!.push({ mutation, presence, outside });
    });
  });
  for (const list of result.values()) {
    list.sort(
      (a, b) =>
        b.presence - b.outside - (a.presence - a.outside) ||
        (a.mutation < b.mutation ? -1 : a.mutation > b.mutation ? 1 : 0),
    );
    list.splice(MAX_DEFINING);
  }
  return result;
}
