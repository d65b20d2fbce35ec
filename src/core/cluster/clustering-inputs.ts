/**
 * What a clustering run reads from the registry: the dataset's sequences in import order,
 * their metadata, and (when the dataset was aligned) QC verdicts and mutation carriers.
 */
import { InvalidInputError } from '../errors';
import type { RegistryDb } from '../registry/db';

export interface ClusteringInputs {
  ordinals: Int32Array;
  ids: string[];
  sequences: string[];
  metadata: (Record<string, string> | null)[];
  /** The dataset's most recent analysis, if any. */
  analysisId: number | null;
  /** Per row: good, mediocre, bad, failed; null without an analysis. */
  qcVerdicts: (string | null)[];
  /** Per mutation label, the rows carrying it (empty without an analysis). */
  carriers: { mutations: string[]; positions: Int32Array; rows: Int32Array[] };
  /** Per row, the reference positions it covers (null: not aligned, or no analysis). */
  coverage: (Coverage | null)[];
}

export interface Coverage {
  start: number;
  end: number;
  /** N runs inside [start, end], as inclusive ranges. */
  missing: { start: number; end: number }[];
}

interface ResultRow {
  seq_id: string;
  failure: string | null;
  qc_verdict: string | null;
  start: number | null;
  end: number | null;
  missing: string | null;
}

interface SequenceRow {
  ordinal: number;
  seq_id: string;
  sequence: string;
  metadata: string | null;
}

export function loadClusteringInputs(db: RegistryDb, datasetId: number): ClusteringInputs {
  const client = db.$client;
  const rows = client
    .prepare(
      'SELECT ordinal, seq_id, sequence, metadata FROM sequences WHERE dataset_id = ? ORDER BY ordinal',
    )
    .all(datasetId) as SequenceRow[];
  const rowOf = new Map<string, number>();
  rows.forEach((row, i) => rowOf.set(row.seq_id, i));
  const analysisId =
    (client
      .prepare('SELECT id FROM analyses WHERE dataset_id = ? ORDER BY id DESC LIMIT 1')
      .pluck()
      .get(datasetId) as number | undefined) ?? null;
  const qcVerdicts: (string | null)[] = rows.map(() => null);
  const carriers = {
    mutations: [] as string[],
    positions: new Int32Array(0),
    rows: [] as Int32Array[],
  };
  const coverage: (Coverage | null)[] = rows.map(() => null);
  if (analysisId !== null) {
    // Only the coverage of the stored calls: the whole JSON would be ~kB per sequence.
    const results = client
      .prepare(
        `SELECT seq_id, failure, qc_verdict, json_extract(calls, '$.alignmentStart') AS start,
           json_extract(calls, '$.alignmentEnd') AS end, json_extract(calls, '$.missing') AS missing
         FROM sequence_results WHERE analysis_id = ?`,
      )
      .all(analysisId) as ResultRow[];
    for (const result of results) {
      const row = rowOf.get(result.seq_id);
      if (row === undefined) continue;
      qcVerdicts[row] = result.failure ? 'failed' : result.qc_verdict;
      if (result.start !== null && result.end !== null)
        coverage[row] = {
          start: result.start,
          end: result.end,
          missing: result.missing ? (JSON.parse(result.missing) as Coverage['missing']) : [],
        };
    }
    const carrierRows = client
      .prepare(
        `SELECT m.label AS label, m.position AS position, r.seq_id AS seq_id FROM mutation_counts m
           JOIN mutation_carriers c ON c.mutation_id = m.id
           JOIN sequence_results r ON r.id = c.result_id
         WHERE m.analysis_id = ? ORDER BY m.position, m.label`,
      )
      .all(analysisId) as { label: string; position: number; seq_id: string }[];
    const byLabel = new Map<string, { position: number; rows: number[] }>();
    for (const { label, position, seq_id } of carrierRows) {
      const row = rowOf.get(seq_id);
      if (row === undefined) continue;
      let entry = byLabel.get(label);
      if (!entry) byLabel.set(label, (entry = { position, rows: [] }));
      entry.rows.push(row);
    }
    const positions: number[] = [];
    for (const [label, entry] of byLabel) {
      carriers.mutations.push(label);
      positions.push(entry.position);
      carriers.rows.push(Int32Array.from(entry.rows));
    }
    carriers.positions = Int32Array.from(positions);
  }
  return {
    ordinals: Int32Array.from(rows, (row) => row.ordinal),
    ids: rows.map((row) => row.seq_id),
    sequences: rows.map((row) => row.sequence),
    metadata: rows.map((row) =>
      row.metadata ? (JSON.parse(row.metadata) as Record<string, string>) : null,
    ),
    analysisId,
    qcVerdicts,
    carriers,
    coverage,
  };
}

/** Metadata columns in first-seen order. */
export function metadataColumns(metadata: (Record<string, string> | null)[]): string[] {
  const columns = new Set<string>();
  for (const record of metadata)
    if (record) for (const key of Object.keys(record)) columns.add(key);
  return [...columns];
}

const LABEL_COLUMN_NAMES =
  /^(clade|nextstrain_clade|clade_membership|lineage|pango|pango_lineage|label|subtype)$/i;

/**
 * The metadata column clusters are compared with: the one asked for, else the first named
 * like a clade or lineage column that has 2 or more distinct values.
 */
export function chooseLabelColumn(
  metadata: (Record<string, string> | null)[],
  asked: string | undefined,
): string | null {
  const columns = metadataColumns(metadata);
  if (asked !== undefined) {
    if (!columns.includes(asked))
      throw new InvalidInputError(
        `metadata has no column '${asked}'${columns.length ? ` (columns: ${columns.join(', ')})` : ' (the dataset has no metadata)'}`,
      );
    return asked;
  }
  for (const column of columns) {
    if (!LABEL_COLUMN_NAMES.test(column)) continue;
    const values = new Set(metadata.map((m) => m?.[column]).filter((v) => v));
    if (values.size >= 2) return column;
  }
  return null;
}

/** The column's value per row; empty strings and missing values are null. */
export function columnValues(
  metadata: (Record<string, string> | null)[],
  column: string,
): (string | null)[] {
  return metadata.map((record) => {
    const value = record?.[column];
    return value === undefined || value === '' ? null : value;
  });
}
