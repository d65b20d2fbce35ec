/** The registry's tables. Migrations are generated from this file by drizzle-kit. */
import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
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
