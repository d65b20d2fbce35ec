/** Results of the clustering operations. */
import type { ClusterParams } from './cluster-schemas';

export interface KScore {
  k: number;
  silhouette: number;
}

export interface ClusterMetrics {
  /** Mean silhouette in the space clustered (noise excluded); null with fewer than 2 clusters. */
  silhouette: number | null;
  /** The metadata column clusters were compared with, if any. */
  labelColumn: string | null;
  adjustedRandIndex: number | null;
  normalizedMutualInformation: number | null;
  /** Silhouette of each k tried when k-means chose k. */
  kScores: KScore[] | null;
  /** Share of variance of each principal component kept. */
  explainedVariance: number[];
}

export interface DefiningMutation {
  mutation: string;
  /** Share of the cluster's members that carry it. */
  presence: number;
  /** Share of the other sequences that carry it. */
  outside: number;
}

export interface ClusterSummary {
  /** The assignment value; -1 for noise (HDBSCAN). */
  cluster: number;
  noise: boolean;
  size: number;
  /** Id of the member with the least summed distance to the other members. */
  medoidId: string;
  /** Most frequent label among labelled members (ties: alphabetical); null if none. */
  majorityLabel: string | null;
  /** Share of labelled members carrying the majority label; null if none is labelled. */
  purity: number | null;
  /** The five most frequent labels (ties: alphabetical). */
  labelCounts: { label: string; count: number }[];
  /** In >= 90% of the cluster and <= 10% outside, by presence - outside; at most 20; none for noise. */
  definingMutations: DefiningMutation[];
  /** Members per QC verdict ('unscored' without QC). */
  qcMix: Record<string, number>;
}

export interface ClusteringSummary {
  id: number;
  datasetId: number;
  analysisId: number | null;
  createdAt: string;
  params: ClusterParams;
  featurizer: string;
  sequenceCount: number;
  clusterCount: number;
  noiseCount: number;
  metrics: ClusterMetrics;
  durationMs: number;
}

export interface ClusteringDetail extends ClusteringSummary {
  clusters: ClusterSummary[];
  /** Metadata columns available for coloring. */
  metadataColumns: string[];
}

/** Every point of a clustering, as parallel arrays (row i = one sequence). */
export interface ClusterPoints {
  clusteringId: number;
  dimensions: 2 | 3;
  ids: string[];
  /** Row-major, `dimensions` values per point. */
  coordinates: number[];
  assignments: number[];
  qcVerdicts: (string | null)[];
  /** Values of the requested metadata column, when one was asked for. */
  column: { name: string; values: (string | null)[] } | null;
}

export interface ClusterReport {
  clustering: ClusteringSummary;
}
