/** Input schemas of the clustering operations. */
import { z } from 'zod';

const id = z.number().int().positive();

/** Fewer sequences than this cannot be grouped meaningfully. */
export const MIN_CLUSTER_SEQUENCES = 5;

/**
 * What a clustering run does. Defaults are the ones measured best on the bundled
 * pathogens (see README, "Clustering quality").
 */
export const clusterParamsSchema = z
  .object({
    /**
     * k-mer spectra of the raw sequences, or presence of called mutations (N-aware); auto:
     * mutations when the dataset is aligned, else k-mers.
     */
    featurizer: z.enum(['auto', 'kmer', 'mutations']).default('auto'),
    /** k of the k-mer spectrum (exact 4^k slots). */
    kmerSize: z.number().int().min(3).max(8).default(6),
    /** The 2-D/3-D view: the first principal components, or UMAP on them. */
    embed: z.enum(['pca', 'umap']).default('umap'),
    dimensions: z.union([z.literal(2), z.literal(3)]).default(2),
    /** Principal components kept before UMAP and clustering. */
    pcaComponents: z.number().int().min(2).max(100).default(30),
    nNeighbors: z.number().int().min(2).max(200).default(15),
    minDist: z.number().min(0).max(1).default(0.1),
    method: z.enum(['kmeans', 'hdbscan']).default('kmeans'),
    /** k-means: the number of clusters; chosen by silhouette over kRange when omitted. */
    k: z.number().int().min(2).max(200).optional(),
    kRange: z
      .object({ min: z.number().int().min(2), max: z.number().int().min(2).max(60) })
      .refine((r) => r.min <= r.max, 'kRange.min must not exceed kRange.max')
      .default({ min: 2, max: 20 }),
    /** HDBSCAN: smallest group that counts as a cluster. */
    minClusterSize: z.number().int().min(2).max(10_000).default(10),
    /** Where clusters are found: the principal components, or the embedding shown. */
    space: z.enum(['pca', 'embedding']).default('embedding'),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .default(1),
    /** Metadata column to compare clusters with (ARI, NMI, purity); guessed when omitted. */
    labelColumn: z.string().min(1).max(200).optional(),
  })
  .strict();

export const clusterDatasetInput = z.object({
  datasetId: id,
  params: clusterParamsSchema.default(() => clusterParamsSchema.parse({})),
});

export const listClusteringsInput = z.object({ datasetId: id });
export const clusteringIdInput = z.object({ clusteringId: id });

export const getClusterPointsInput = z.object({
  clusteringId: id,
  /** Also return this metadata column's value for every point (for coloring). */
  column: z.string().min(1).max(200).optional(),
});

export const exportClusteringInput = z.object({
  clusteringId: id,
  format: z.enum(['tsv', 'csv', 'json', 'ndjson']),
});

export type ClusterParams = z.output<typeof clusterParamsSchema>;
export type ClusterParamsInput = z.input<typeof clusterParamsSchema>;
export type ClusterDatasetInput = z.input<typeof clusterDatasetInput>;
