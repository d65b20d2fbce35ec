/** The registry's tables. Migrations are generated from this file by drizzle-kit. */
import { sql } from 'drizzle-orm';
import {
  blob,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import type { NearestReference, QcResult, SequenceCalls } from '../../shared/analysis-types';
import type { ClusterParams } from '../../shared/cluster-schemas';
import type {
  LabelCount,
  ModelHeadline,
  ModelSource,
  Prediction,
  UnassignedReason,
} from '../../shared/classify-types';
import type { ClusterMetrics, ClusterSummary } from '../../shared/cluster-types';
import type { MetadataReport, RecordError, SourceFileSummary } from '../../shared/types';

export const datasets = sqliteTable(
  'datasets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    /** sha256 over the valid records (id + sequence, in order) and the metadata file. */
    contentSha256: text('content_sha256').notNull(),
    createdAt: text('created_at')
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
    sequenceCount: integer('sequence_count').notNull(),
    invalidCount: integer('invalid_count').notNull(),
    totalBases: integer('total_bases').notNull(),
    sourceFiles: text('source_files', { mode: 'json' }).$type<SourceFileSummary[]>().notNull(),
    metadataColumns: text('metadata_columns', { mode: 'json' }).$type<string[]>().notNull(),
    metadataReport: text('metadata_report', { mode: 'json' }).$type<MetadataReport | null>(),
    errorCount: integer('error_count').notNull(),
    /** The first errors met at import; errorCount has them all. */
    errors: text('errors', { mode: 'json' }).$type<RecordError[]>().notNull(),
  },
  (t) => [uniqueIndex('datasets_content_sha256').on(t.contentSha256)],
);

export const sequences = sqliteTable(
  'sequences',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    datasetId: integer('dataset_id')
      .notNull()
      .references(() => datasets.id, { onDelete: 'cascade' }),
    /** Position of the record in the import, 0-based. */
    ordinal: integer('ordinal').notNull(),
    seqId: text('seq_id').notNull(),
    description: text('description').notNull(),
    length: integer('length').notNull(),
    nCount: integer('n_count').notNull(),
    ambiguousCount: integer('ambiguous_count').notNull(),
    gcCount: integer('gc_count').notNull(),
    nFraction: real('n_fraction').notNull(),
    /** G+C over unambiguous bases (A, C, G, T). */
    gcFraction: real('gc_fraction').notNull(),
    /** Upper case, gaps removed, U read as T. */
    sequence: text('sequence').notNull(),
    quality: text('quality'),
    metadata: text('metadata', { mode: 'json' }).$type<Record<string, string> | null>(),
  },
  (t) => [
    uniqueIndex('sequences_dataset_seq_id').on(t.datasetId, t.seqId),
    index('sequences_dataset_ordinal').on(t.datasetId, t.ordinal),
    index('sequences_dataset_length').on(t.datasetId, t.length),
    index('sequences_dataset_n_fraction').on(t.datasetId, t.nFraction),
    index('sequences_dataset_gc_fraction').on(t.datasetId, t.gcFraction),
  ],
);

export const jobs = sqliteTable('jobs', {
  id: text('id').primaryKey(),
  kind: text('kind').notNull(),
  label: text('label').notNull(),
  status: text('status').notNull(),
  input: text('input', { mode: 'json' }).$type<unknown>().notNull(),
  result: text('result', { mode: 'json' }).$type<unknown>(),
  error: text('error'),
  createdAt: text('created_at').notNull(),
  finishedAt: text('finished_at'),
});

export const auditLog = sqliteTable('audit_log', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  at: text('at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
  action: text('action').notNull(),
  detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
});

/** One alignment + QC pass of a dataset against one pathogen's reference. */
export const analyses = sqliteTable(
  'analyses',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    datasetId: integer('dataset_id')
      .notNull()
      .references(() => datasets.id, { onDelete: 'cascade' }),
    pathogenId: text('pathogen_id').notNull(),
    /** sha256 of the reference sequence and annotation used. */
    referenceSha256: text('reference_sha256').notNull(),
    createdAt: text('created_at')
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
    sequenceCount: integer('sequence_count').notNull(),
    alignedCount: integer('aligned_count').notNull(),
    failedCount: integer('failed_count').notNull(),
    goodCount: integer('good_count').notNull(),
    mediocreCount: integer('mediocre_count').notNull(),
    badCount: integer('bad_count').notNull(),
    durationMs: integer('duration_ms').notNull(),
  },
  (t) => [uniqueIndex('analyses_dataset_pathogen').on(t.datasetId, t.pathogenId)],
);

/** Calls and QC of one sequence in one analysis. */
export const sequenceResults = sqliteTable(
  'sequence_results',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    analysisId: integer('analysis_id')
      .notNull()
      .references(() => analyses.id, { onDelete: 'cascade' }),
    ordinal: integer('ordinal').notNull(),
    seqId: text('seq_id').notNull(),
    /** Why the sequence did not align; null when it did. */
    failure: text('failure'),
    calls: text('calls', { mode: 'json' }).$type<SequenceCalls | null>(),
    qc: text('qc', { mode: 'json' }).$type<QcResult | null>(),
    qcScore: real('qc_score'),
    qcVerdict: text('qc_verdict'),
    nearest: text('nearest', { mode: 'json' }).$type<NearestReference | null>(),
    substitutionCount: integer('substitution_count').notNull(),
    deletionCount: integer('deletion_count').notNull(),
    insertionCount: integer('insertion_count').notNull(),
    missingCount: integer('missing_count').notNull(),
  },
  (t) => [
    uniqueIndex('sequence_results_analysis_seq').on(t.analysisId, t.seqId),
    index('sequence_results_analysis_ordinal').on(t.analysisId, t.ordinal),
    index('sequence_results_analysis_score').on(t.analysisId, t.qcScore),
  ],
);

/** One row per (analysis, mutation): the dataset-wide mutation table. */
export const mutationCounts = sqliteTable(
  'mutation_counts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    analysisId: integer('analysis_id')
      .notNull()
      .references(() => analyses.id, { onDelete: 'cascade' }),
    /** `C241T`, `21765-21770` (deletion), `22204+GAGCCAGAA` (insertion). */
    label: text('label').notNull(),
    kind: text('kind').notNull(),
    position: integer('position').notNull(),
    gene: text('gene'),
    /** Amino-acid changes this mutation causes, comma separated (`S:N501Y`). */
    aaChanges: text('aa_changes'),
    count: integer('count').notNull(),
    frequency: real('frequency').notNull(),
  },
  (t) => [
    uniqueIndex('mutation_counts_analysis_label').on(t.analysisId, t.label),
    index('mutation_counts_analysis_position').on(t.analysisId, t.position),
    index('mutation_counts_analysis_count').on(t.analysisId, t.count),
  ],
);

/** Which sequences carry which mutation (click-through from the mutation table). */
export const mutationCarriers = sqliteTable(
  'mutation_carriers',
  {
    mutationId: integer('mutation_id')
      .notNull()
      .references(() => mutationCounts.id, { onDelete: 'cascade' }),
    resultId: integer('result_id')
      .notNull()
      .references(() => sequenceResults.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.mutationId, t.resultId] }),
    index('mutation_carriers_result').on(t.resultId),
  ],
);

/**
 * One clustering run of a dataset. The points are stored as little-endian typed-array
 * blobs (row i = the sequence with ordinal `ordinals[i]`), so reopening a run of 100k
 * points is one row read, not 100k.
 */
export const clusterings = sqliteTable(
  'clusterings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    datasetId: integer('dataset_id')
      .notNull()
      .references(() => datasets.id, { onDelete: 'cascade' }),
    /** The analysis whose calls and QC the summaries used (null once it is deleted). */
    analysisId: integer('analysis_id').references(() => analyses.id, { onDelete: 'set null' }),
    createdAt: text('created_at')
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
    params: text('params', { mode: 'json' }).notNull().$type<ClusterParams>(),
    featurizer: text('featurizer', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
    metrics: text('metrics', { mode: 'json' }).notNull().$type<ClusterMetrics>(),
    summaries: text('summaries', { mode: 'json' }).notNull().$type<ClusterSummary[]>(),
    sequenceCount: integer('sequence_count').notNull(),
    clusterCount: integer('cluster_count').notNull(),
    noiseCount: integer('noise_count').notNull(),
    dimensions: integer('dimensions').notNull(),
    /** Int32 sequence ordinals, one per point. */
    ordinals: blob('ordinals', { mode: 'buffer' }).notNull(),
    /** Float32 coordinates, `dimensions` per point. */
    coordinates: blob('coordinates', { mode: 'buffer' }).notNull(),
    /** Int32 cluster of each point; -1 is noise. */
    assignments: blob('assignments', { mode: 'buffer' }).notNull(),
    durationMs: integer('duration_ms').notNull(),
  },
  (t) => [index('clusterings_dataset').on(t.datasetId)],
);

/**
 * One registered model version. The bundle itself is a file in the data directory
 * (`models/<sha256>.zip`), verified when registered and again whenever it is opened.
 */
export const modelVersions = sqliteTable(
  'model_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    version: text('version').notNull(),
    task: text('task').notNull(),
    pathogenId: text('pathogen_id').notNull(),
    family: text('family').notNull(),
    description: text('description').notNull(),
    featurizer: text('featurizer').notNull(),
    labels: text('labels', { mode: 'json' }).notNull().$type<string[]>(),
    confidenceThreshold: real('confidence_threshold').notNull(),
    temperature: real('temperature').notNull(),
    headline: text('headline', { mode: 'json' }).notNull().$type<ModelHeadline>(),
    source: text('source').notNull().$type<ModelSource>(),
    bundleSha256: text('bundle_sha256').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    /** Path of the bundle relative to the data directory. */
    bundlePath: text('bundle_path').notNull(),
    /** The manifest's createdAt (when the model was trained). */
    createdAt: text('created_at').notNull(),
    toolVersion: text('tool_version').notNull(),
    registeredAt: text('registered_at')
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
  },
  (t) => [
    uniqueIndex('model_versions_name_version').on(t.name, t.version),
    index('model_versions_pathogen').on(t.pathogenId),
  ],
);

/** `production` (and later `staging`) of a pathogen and task: one version each. */
export const modelAliases = sqliteTable(
  'model_aliases',
  {
    pathogenId: text('pathogen_id').notNull(),
    task: text('task').notNull(),
    alias: text('alias').notNull(),
    modelVersionId: integer('model_version_id')
      .notNull()
      .references(() => modelVersions.id, { onDelete: 'cascade' }),
    updatedAt: text('updated_at')
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
  },
  (t) => [primaryKey({ columns: [t.pathogenId, t.task, t.alias] })],
);

/** One classification run of a dataset by one model version; written in one transaction. */
export const classifications = sqliteTable(
  'classifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    datasetId: integer('dataset_id')
      .notNull()
      .references(() => datasets.id, { onDelete: 'cascade' }),
    modelVersionId: integer('model_version_id')
      .notNull()
      .references(() => modelVersions.id, { onDelete: 'restrict' }),
    /** The analysis whose QC verdicts and mutations were used (null once it is deleted). */
    analysisId: integer('analysis_id').references(() => analyses.id, { onDelete: 'set null' }),
    pathogenId: text('pathogen_id').notNull(),
    createdAt: text('created_at')
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
    sequenceCount: integer('sequence_count').notNull(),
    assignedCount: integer('assigned_count').notNull(),
    unassignedCount: integer('unassigned_count').notNull(),
    unassignedByReason: text('unassigned_by_reason', { mode: 'json' })
      .notNull()
      .$type<Record<UnassignedReason, number>>(),
    recombinantCount: integer('recombinant_count').notNull(),
    labelCounts: text('label_counts', { mode: 'json' }).notNull().$type<LabelCount[]>(),
    confidenceThreshold: real('confidence_threshold').notNull(),
    durationMs: integer('duration_ms').notNull(),
  },
  (t) => [index('classifications_dataset').on(t.datasetId)],
);

/** One sequence's prediction in one classification run. */
export const predictions = sqliteTable(
  'predictions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    classificationId: integer('classification_id')
      .notNull()
      .references(() => classifications.id, { onDelete: 'cascade' }),
    ordinal: integer('ordinal').notNull(),
    seqId: text('seq_id').notNull(),
    label: text('label'),
    topLabel: text('top_label'),
    confidence: real('confidence').notNull(),
    status: text('status').notNull().$type<'assigned' | 'unassigned'>(),
    reason: text('reason').$type<UnassignedReason>(),
    detail: text('detail'),
    top: text('top', { mode: 'json' }).notNull().$type<Prediction['top']>(),
    fallbackLabel: text('fallback_label'),
    fallbackExemplar: text('fallback_exemplar'),
    fallbackDistance: integer('fallback_distance'),
    recombinant: text('recombinant', { mode: 'json' }).$type<Prediction['recombinant']>(),
    /** Placement on the pathogen's reference tree (null: no tree, or not aligned). */
    tree: text('tree', { mode: 'json' }).$type<Prediction['tree']>(),
    qcVerdict: text('qc_verdict'),
    /** Comma-separated amino-acid substitutions from the analysis. */
    aaSubstitutions: text('aa_substitutions').notNull(),
  },
  (t) => [
    uniqueIndex('predictions_classification_seq').on(t.classificationId, t.seqId),
    index('predictions_classification_ordinal').on(t.classificationId, t.ordinal),
    index('predictions_classification_confidence').on(t.classificationId, t.confidence),
    index('predictions_classification_top_label').on(t.classificationId, t.topLabel),
  ],
);
