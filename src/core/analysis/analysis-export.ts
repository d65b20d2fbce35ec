/** Exports of an analysis: per-sequence QC, per-sequence calls, the mutation table, aligned FASTA. */
import type { z } from 'zod';
import type { exportAnalysisInput } from '../../shared/analysis-schemas';
import type { SequenceCalls } from '../../shared/analysis-types';
import { qcRuleNames } from '../../shared/qc-scale';
import type { ExportedFile } from '../../shared/types';
import {
  alignedSequence,
  formatAaDeletion,
  formatAaSubstitution,
  formatDeletion,
  formatInsertion,
  formatNucSubstitution,
} from './align';
import { formatRecords, MIME_TYPES, type RecordValue } from '../sequences/delimited';
import { InvalidInputError } from '../errors';
import type { RegistryDb } from '../registry/db';
import type { AnalysisService } from './analysis-service';

type Input = z.output<typeof exportAnalysisInput>;
type Record_ = Record<string, RecordValue>;

function callColumns(calls: SequenceCalls | null): Record_ {
  const list = (items: string[]): string => items.join(',');
  return {
    substitutions: list(calls?.substitutions.map(formatNucSubstitution) ?? []),
    deletions: list(calls?.deletions.map(formatDeletion) ?? []),
    insertions: list(calls?.insertions.map(formatInsertion) ?? []),
    missing: list(
      calls?.missing.map((r) => (r.start === r.end ? `${r.start}` : `${r.start}-${r.end}`)) ?? [],
    ),
    aa_substitutions: list(calls?.aaSubstitutions.map(formatAaSubstitution) ?? []),
    aa_deletions: list(calls?.aaDeletions.map(formatAaDeletion) ?? []),
  };
}

function render(records: Record_[], columns: string[], format: Input['format']): string {
  if (format === 'fasta')
    throw new InvalidInputError('FASTA is only available for the aligned sequences');
  return formatRecords(records, columns, format);
}

const MUTATION_COLUMNS = [
  'mutation',
  'kind',
  'position',
  'gene',
  'aa_changes',
  'count',
  'frequency',
];
const QC_COLUMNS = [
  'id',
  'qc_verdict',
  'qc_score',
  ...qcRuleNames,
  'reasons',
  'nearest_reference',
  'nearest_clade',
  'failure',
];
const CALL_COLUMNS = [
  'id',
  'qc_verdict',
  'qc_score',
  'substitutions',
  'deletions',
  'insertions',
  'missing',
  'aa_substitutions',
  'aa_deletions',
  'nearest_reference',
  'failure',
];

interface ResultRow {
  seq_id: string;
  failure: string | null;
  calls: string | null;
  qc: string | null;
  nearest: string | null;
  sequence: string | null;
}

/** The analysis' per-sequence results in dataset order, each with its sequence. */
function resultRows(db: RegistryDb, analysisId: number): ResultRow[] {
  return db.$client
    .prepare(
      `SELECT r.seq_id, r.failure, r.calls, r.qc, r.nearest, s.sequence
         FROM sequence_results r JOIN analyses a ON a.id = r.analysis_id
         LEFT JOIN sequences s ON s.dataset_id = a.dataset_id AND s.seq_id = r.seq_id
        WHERE r.analysis_id = ? ORDER BY r.ordinal`,
    )
    .all(analysisId) as ResultRow[];
}

/** The aligned sequences as FASTA (sequences that did not align are left out). */
function alignedFasta(rows: ResultRow[], reference: string): string {
  return rows
    .filter((r) => r.calls)
    .map(
      (r) => `>${r.seq_id}\n${alignedSequence(reference, JSON.parse(r.calls!) as SequenceCalls)}\n`,
    )
    .join('');
}

function mutationRecords(service: AnalysisService, analysisId: number): Record_[] {
  const mutations = service.mutationRows({
    analysisId,
    filter: {},
    sort: { column: 'position', direction: 'asc' },
  });
  return mutations.map((m) => ({
    mutation: m.label,
    kind: m.kind,
    position: m.position,
    gene: m.gene,
    aa_changes: m.aaChanges.join(','),
    count: m.count,
    frequency: Number(m.frequency.toFixed(6)),
  }));
}

/** One sequence's row of the QC table (rule scores, reasons) or of the calls table. */
function sequenceRecord(r: ResultRow, table: 'qc' | 'calls'): Record_ {
  const qc = r.qc
    ? (JSON.parse(r.qc) as {
        verdict: string;
        overallScore: number;
        rules: { rule: string; score: number; reason: string }[];
      })
    : null;
  const nearest = r.nearest
    ? (JSON.parse(r.nearest) as { name: string; clade: string; distance: number })
    : null;
  const common: Record_ = {
    id: r.seq_id,
    qc_verdict: qc?.verdict ?? (r.failure ? 'failed' : null),
    qc_score: qc ? Number(qc.overallScore.toFixed(2)) : null,
  };
  if (table === 'qc') {
    const rules = Object.fromEntries(
      (qc?.rules ?? []).map((rule) => [rule.rule, Number(rule.score.toFixed(2))]),
    );
    return {
      ...common,
      ...rules,
      reasons: (qc?.rules ?? [])
        .filter((rule) => rule.score > 0)
        .map((rule) => rule.reason)
        .join('; '),
      nearest_reference: nearest?.name ?? null,
      nearest_clade: nearest?.clade ?? null,
      failure: r.failure,
    };
  }
  return {
    ...common,
    ...callColumns(r.calls ? (JSON.parse(r.calls) as SequenceCalls) : null),
    nearest_reference: nearest?.name ?? null,
    failure: r.failure,
  };
}

/** The records and columns of the QC, calls or mutations table. */
function tableRecords(
  db: RegistryDb,
  service: AnalysisService,
  analysisId: number,
  table: 'qc' | 'calls' | 'mutations',
): { records: Record_[]; columns: string[] } {
  if (table === 'mutations')
    return { records: mutationRecords(service, analysisId), columns: MUTATION_COLUMNS };
  return {
    records: resultRows(db, analysisId).map((r) => sequenceRecord(r, table)),
    columns: table === 'qc' ? QC_COLUMNS : CALL_COLUMNS,
  };
}

export function exportAnalysis(
  db: RegistryDb,
  service: AnalysisService,
  input: Input,
): ExportedFile {
  const analysis = service.get(input.analysisId);
  const base = `analysis-${analysis.id}.${analysis.pathogen.id}`;
  const { table, format } = input;
  if (table === 'aligned') {
    if (format !== 'fasta')
      throw new InvalidInputError('aligned sequences export as FASTA (format: fasta)');
    const reference = service.referenceSequence(analysis.pathogen.id);
    const content = alignedFasta(resultRows(db, analysis.id), reference);
    return { fileName: `${base}.aligned.fasta`, mimeType: MIME_TYPES.fasta, content };
  }
  const { records, columns } = tableRecords(db, service, analysis.id, table);
  return {
    fileName: `${base}.${table}.${format}`,
    mimeType: MIME_TYPES[format],
    content: render(records, columns, format),
  };
}
