/**
 * The clustering form: its fields as typed, the defaults the contract's schema gives, and
 * the parameters (checked by the same schema) a run is started with.
 */
import {
  clusterParamsSchema,
  type ClusterParams,
  type ClusterParamsInput,
} from '../../../../shared/cluster-schemas';

export const defaultClusterParams: ClusterParams = clusterParamsSchema.parse({});

/** Number fields are text as typed; an empty `k` means "choose k by silhouette". */
export interface ClusterParamsDraft {
  featurizer: ClusterParams['featurizer'];
  embed: ClusterParams['embed'];
  dimensions: ClusterParams['dimensions'];
  method: ClusterParams['method'];
  k: string;
  minClusterSize: string;
  kmerSize: string;
  nNeighbors: string;
  minDist: string;
  seed: string;
  /** Empty: the core guesses a label column. */
  labelColumn: string;
}

export type DraftField = keyof ClusterParamsDraft;

export const defaultDraft: ClusterParamsDraft = {
  featurizer: defaultClusterParams.featurizer,
  embed: defaultClusterParams.embed,
  dimensions: defaultClusterParams.dimensions,
  method: defaultClusterParams.method,
  k: '',
  minClusterSize: String(defaultClusterParams.minClusterSize),
  kmerSize: String(defaultClusterParams.kmerSize),
  nNeighbors: String(defaultClusterParams.nNeighbors),
  minDist: String(defaultClusterParams.minDist),
  seed: String(defaultClusterParams.seed),
  labelColumn: '',
};

const numberOrText = (text: string): number | string => {
  const value = Number(text);
  return text.trim() !== '' && Number.isFinite(value) ? value : text;
};

/**
 * The parameters of a draft, or the first problem of each field (as the schema words it).
 * Fields that do not apply to the chosen method or embedding are left at their defaults.
 */
export function paramsFromDraft(
  draft: ClusterParamsDraft,
):
  | { params: ClusterParamsInput; errors: null }
  | { params: null; errors: Partial<Record<DraftField, string>> } {
  const candidate: Record<string, unknown> = {
    featurizer: draft.featurizer,
    embed: draft.embed,
    dimensions: draft.dimensions,
    method: draft.method,
    seed: numberOrText(draft.seed),
  };
  if (draft.featurizer !== 'mutations') candidate.kmerSize = numberOrText(draft.kmerSize);
  if (draft.embed === 'umap') {
    candidate.nNeighbors = numberOrText(draft.nNeighbors);
    candidate.minDist = numberOrText(draft.minDist);
  }
  if (draft.method === 'kmeans' && draft.k.trim() !== '') candidate.k = numberOrText(draft.k);
  if (draft.method === 'hdbscan') candidate.minClusterSize = numberOrText(draft.minClusterSize);
  if (draft.labelColumn) candidate.labelColumn = draft.labelColumn;

  const parsed = clusterParamsSchema.safeParse(candidate);
  if (parsed.success) return { params: candidate as ClusterParamsInput, errors: null };
  const errors: Partial<Record<DraftField, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as DraftField;
    errors[field] ??= issue.message;
  }
  return { params: null, errors };
}

export const featurizerLabels: Record<ClusterParams['featurizer'], string> = {
  auto: 'Auto (mutations once aligned)',
  kmer: 'k-mer spectrum',
  mutations: 'Mutation profile',
};

/**
 * The features a run used, short: `auto` resolved from the core's description of what
 * it computed ("presence of 550 mutations…" or a k-mer spectrum).
 */
export function describeFeatures(clustering: {
  params: ClusterParams;
  featurizer: string;
}): string {
  const { params } = clustering;
  const resolved =
    params.featurizer !== 'auto'
      ? params.featurizer
      : /mutation/i.test(clustering.featurizer)
        ? 'mutations'
        : 'kmer';
  const label = resolved === 'kmer' ? `${params.kmerSize}-mer spectrum` : 'Mutation profile';
  return params.featurizer === 'auto' ? `${label} (auto)` : label;
}

export const embedLabels: Record<ClusterParams['embed'], string> = { umap: 'UMAP', pca: 'PCA' };

export const methodLabels: Record<ClusterParams['method'], string> = {
  kmeans: 'k-means',
  hdbscan: 'HDBSCAN',
};

/** "UMAP 2D", "PCA 3D". */
export function describeEmbedding(params: ClusterParams): string {
  return `${embedLabels[params.embed]} ${params.dimensions}D`;
}

/** "k-means, k by silhouette", "k-means, k = 5", "HDBSCAN, min size 10". */
export function describeMethod(params: ClusterParams): string {
  if (params.method === 'hdbscan') return `HDBSCAN, min size ${params.minClusterSize}`;
  return params.k === undefined ? 'k-means, k by silhouette' : `k-means, k = ${params.k}`;
}
