/**
 * Colors of the cluster plot's groups: clusters, QC verdicts and metadata values. The
 * cluster palette is the same in the plot, the summaries and the runs table.
 */

/** Twenty colors distinct on white, in the order clusters take them. */
const PALETTE = [
  '#2563c9',
  '#e8702a',
  '#1b9e77',
  '#d62728',
  '#7c4dcc',
  '#8c564b',
  '#e377c2',
  '#a6a21c',
  '#17a2b8',
  '#1f3f8f',
  '#f2a65a',
  '#5fb88f',
  '#f08080',
  '#b39ddb',
  '#c49c94',
  '#f5a3d3',
  '#6b6b00',
  '#0e6b78',
  '#b35806',
  '#4d4d4d',
];

export const NOISE_COLOR = '#a9b1bb';
export const MISSING_COLOR = '#cfd5dc';

/** Cluster -1 is HDBSCAN's noise. */
export function clusterColor(cluster: number): string {
  return cluster < 0 ? NOISE_COLOR : PALETTE[cluster % PALETTE.length]!;
}

/** The n-th most common value of a column. */
export function valueColor(rank: number): string {
  return PALETTE[rank % PALETTE.length]!;
}

export function clusterName(cluster: number): string {
  return cluster < 0 ? 'Noise' : `Cluster ${cluster}`;
}

export const verdictColors: Record<string, string> = {
  good: '#1b7a4b',
  mediocre: '#d58a00',
  bad: '#b42318',
  failed: '#7b8594',
};
